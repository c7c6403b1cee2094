import type { ParseKeys } from 'i18next'
import type { CardType } from '../cards/cardTypes'
import { translatorFor, type Language } from '../i18n'
import { zoneTitle, type ZoneInfo } from './zoneMembership'

// The summary's warnings in plain words, in the language asked for (the catalogue's "warnings").
// Each names the cards concerned, so clicking a warning can select and zoom to them.

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
  language: Language,
  code: 'content-hours' | 'format-hours',
  total: number,
  target: number,
  cardIds: string[],
): SummaryWarning | null {
  if (total === target) return null
  const what = code === 'content-hours' ? 'content' : 'format'
  const message = translatorFor(language)(`warnings.${what}${total > target ? 'Over' : 'Under'}`, { total, target, gap: Math.abs(total - target) })
  return { code, message, cardIds }
}

/** "Exam weights add up to 90 % — 10 % to assign". */
export function examWeightsWarning(language: Language, total: number, cardIds: string[]): SummaryWarning | null {
  if (total === 100) return null
  const message = translatorFor(language)(total > 100 ? 'warnings.examOver' : 'warnings.examUnder', { total, gap: Math.abs(total - 100) })
  return { code: 'exam-weights', message, cardIds }
}

/** `2 cards in “Contents” are not counted: it takes content cards`. */
export function wrongZoneWarning(language: Language, zone: ZoneInfo, cardIds: string[]): SummaryWarning {
  const t = translatorFor(language)
  const names = zone.accepts.map((type: CardType) => t(`cardTypes.${type}`).toLowerCase())
  const types = new Intl.ListFormat(language, { type: 'disjunction' }).format(names)
  return { code: 'card-in-wrong-zone', message: t('warnings.wrongZone', { count: cardIds.length, zone: zoneTitle(zone.title, t), types }), cardIds }
}

/** `3 cards are outside every zone and not counted`. */
export function outsideZonesWarning(language: Language, cardIds: string[]): SummaryWarning {
  return { code: 'card-outside-zones', message: translatorFor(language)('warnings.outside', { count: cardIds.length }), cardIds }
}

/** `“Public value” has an invalid hours value and is not counted`; `name` comes from cardName. */
export function invalidValueWarning(language: Language, name: string, fields: string[], cardId: string): SummaryWarning {
  const t = translatorFor(language)
  const fieldNames = fields.map((field) => t(`warnings.field_${field}` as ParseKeys, { defaultValue: field }))
  const list = new Intl.ListFormat(language, { type: 'conjunction' }).format(fieldNames)
  return { code: 'invalid-value', message: capitalise(t('warnings.invalid', { count: fields.length, name, fields: list })), cardIds: [cardId] }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
