import { CARD_TYPE_LABELS, type CardType } from '../cards/cardTypes'
import type { ZoneInfo } from './zoneMembership'

// The summary's warnings in plain words. Each names the cards concerned, so clicking a warning
// can select and zoom to them.

export type WarningCode =
  | 'content-hours'
  | 'format-hours'
  | 'exam-weights'
  | 'card-in-wrong-zone'
  | 'card-outside-zones'
  | 'invalid-value'

export interface SummaryWarning {
  code: WarningCode
  message: string
  cardIds: string[]
}

/** "Contents take 56 h of 50 h — 6 h too many", "Lecture formats take 40 h of 50 h — 10 h to plan". */
export function hoursWarning(
  code: 'content-hours' | 'format-hours',
  total: number,
  target: number,
  cardIds: string[],
): SummaryWarning | null {
  if (total === target) return null
  const what = code === 'content-hours' ? 'Contents' : 'Lecture formats'
  const gap = total > target ? `${total - target} h too many` : `${target - total} h to plan`
  return { code, message: `${what} take ${total} h of ${target} h — ${gap}`, cardIds }
}

/** "Exam weights add up to 90 % — 10 % to assign". */
export function examWeightsWarning(total: number, cardIds: string[]): SummaryWarning | null {
  if (total === 100) return null
  const gap = total > 100 ? `${total - 100} % too much` : `${100 - total} % to assign`
  return { code: 'exam-weights', message: `Exam weights add up to ${total} % — ${gap}`, cardIds }
}

/** `2 cards in “Contents” are not counted: it takes content cards`. */
export function wrongZoneWarning(zone: ZoneInfo, cardIds: string[]): SummaryWarning {
  const types = zone.accepts.map((t: CardType) => CARD_TYPE_LABELS[t].toLowerCase()).join(' or ')
  return {
    code: 'card-in-wrong-zone',
    message: `${cards(cardIds.length)} in “${zone.title}” ${cardIds.length === 1 ? 'is' : 'are'} not counted: it takes ${types} cards`,
    cardIds,
  }
}

/** `3 cards are outside every zone and not counted`. */
export function outsideZonesWarning(cardIds: string[]): SummaryWarning {
  const verb = cardIds.length === 1 ? 'is' : 'are'
  return { code: 'card-outside-zones', message: `${cards(cardIds.length)} ${verb} outside every zone and not counted`, cardIds }
}

/** `“Public value” has an invalid hours value and is not counted`. */
export function invalidValueWarning(name: string, fields: string[], cardId: string): SummaryWarning {
  const what = fields.length === 1 ? `an invalid ${fields[0]} value` : `invalid ${fields.join(' and ')} values`
  return { code: 'invalid-value', message: `${capitalise(name)} has ${what} and is not counted`, cardIds: [cardId] }
}

function cards(n: number): string {
  return n === 1 ? '1 card' : `${n} cards`
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
