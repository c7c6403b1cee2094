import type { TLGlobalShapePropsMap } from '@tldraw/tlschema'
import type { CardDefinition } from './cardFields'
import { CONTENT_CARD, CONTENT_CARD_TYPE } from './content/contentCard'
import { EXAM_CARD, EXAM_CARD_TYPE } from './exam/examCard'
import { FORMAT_CARD, FORMAT_CARD_TYPE } from './format/formatCard'
import { IDEA_CARD, IDEA_CARD_TYPE } from './idea/ideaCard'

/** The card shape types, in palette order. Zones are not cards: they hold cards. */
export const CARD_TYPES = [CONTENT_CARD_TYPE, FORMAT_CARD_TYPE, EXAM_CARD_TYPE, IDEA_CARD_TYPE] as const
export type CardType = (typeof CARD_TYPES)[number]

/** Each card type's definition (content/, format/, exam/, idea/): the one list both sides build from. */
export const CARD_DEFINITIONS: { readonly [Type in CardType]: CardDefinition<Type, TLGlobalShapePropsMap[Type]> } = {
  [CONTENT_CARD_TYPE]: CONTENT_CARD,
  [FORMAT_CARD_TYPE]: FORMAT_CARD,
  [EXAM_CARD_TYPE]: EXAM_CARD,
  [IDEA_CARD_TYPE]: IDEA_CARD,
}

export function isCardType(value: unknown): value is CardType {
  return typeof value === 'string' && (CARD_TYPES as readonly string[]).includes(value)
}
