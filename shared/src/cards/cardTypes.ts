import { CONTENT_CARD_TYPE } from './contentCard'
import { EXAM_CARD_TYPE } from './examCard'
import { FORMAT_CARD_TYPE } from './formatCard'
import { IDEA_CARD_TYPE } from './ideaCard'

/** The card shape types, in palette order. Zones are not cards: they hold cards. */
export const CARD_TYPES = [CONTENT_CARD_TYPE, FORMAT_CARD_TYPE, EXAM_CARD_TYPE, IDEA_CARD_TYPE] as const
export type CardType = (typeof CARD_TYPES)[number]

export const CARD_TYPE_LABELS: Record<CardType, string> = {
  [CONTENT_CARD_TYPE]: 'Content',
  [FORMAT_CARD_TYPE]: 'Lecture format',
  [EXAM_CARD_TYPE]: 'Exam',
  [IDEA_CARD_TYPE]: 'Idea',
}

export function isCardType(value: unknown): value is CardType {
  return typeof value === 'string' && (CARD_TYPES as readonly string[]).includes(value)
}
