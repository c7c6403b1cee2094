import { CONTENT_CARD_TYPE } from '../cards/content/contentCard'
import { EXAM_CARD_TYPE, EXAM_FORMS, EXAM_TIMINGS, type ExamTiming } from '../cards/exam/examCard'
import { FORMAT_CARD_TYPE, FORMAT_KINDS, type FormatKind } from '../cards/format/formatCard'
import { translatorFor, type Language } from '../i18n'
import { isValidHours, isValidWeight } from '../cards/numberFields'
import type { ShapeLike } from '../board/shapeLike'

// The values the summary adds up, read from a card's stored props. A board written by an older
// or buggy client may hold anything there, so each reading says which fields are unusable.

export type CardValues =
  | { type: typeof CONTENT_CARD_TYPE; hours: number }
  | { type: typeof FORMAT_CARD_TYPE; hours: number; kind: FormatKind }
  | { type: typeof EXAM_CARD_TYPE; weight: number; timing: ExamTiming }

export type CardReading = { ok: true; values: CardValues } | { ok: false; invalidFields: string[] }

/** The countable values of a content, format or exam card; null for other shapes. */
export function readCardValues(shape: ShapeLike): CardReading | null {
  const { props } = shape
  switch (shape.type) {
    case CONTENT_CARD_TYPE:
      return checked({ hours: isValidHours(props.hours) }, () => ({ type: CONTENT_CARD_TYPE, hours: props.hours as number }))
    case FORMAT_CARD_TYPE:
      return checked({ hours: isValidHours(props.hours), kind: isOneOf(FORMAT_KINDS, props.kind) }, () => ({
        type: FORMAT_CARD_TYPE,
        hours: props.hours as number,
        kind: props.kind as FormatKind,
      }))
    case EXAM_CARD_TYPE:
      return checked({ weight: isValidWeight(props.weight), timing: isOneOf(EXAM_TIMINGS, props.timing) }, () => ({
        type: EXAM_CARD_TYPE,
        weight: props.weight as number,
        timing: props.timing as ExamTiming,
      }))
    default:
      return null
  }
}

/** The values when every field passed its check, else the fields that did not. */
function checked(checks: Record<string, boolean>, values: () => CardValues): CardReading {
  const invalidFields = Object.keys(checks).filter((field) => !checks[field])
  return invalidFields.length === 0 ? { ok: true, values: values() } : { ok: false, invalidFields }
}

/** How warnings name a card: its title, kind or form, so people can find it on the wall. */
export function cardName(shape: ShapeLike, language: Language): string {
  const { props } = shape
  const t = translatorFor(language)
  switch (shape.type) {
    case CONTENT_CARD_TYPE:
      return typeof props.title === 'string' && props.title.trim() !== '' ? t('warnings.cardTitled', { title: props.title.trim() }) : t('warnings.untitledContent')
    case FORMAT_CARD_TYPE:
      return isOneOf(FORMAT_KINDS, props.kind) ? t('warnings.formatCard', { kind: t(`cardOptions.kind_${props.kind}`).toLowerCase() }) : t('warnings.anyFormatCard')
    case EXAM_CARD_TYPE:
      return isOneOf(EXAM_FORMS, props.form) ? t('warnings.examCard', { form: t(`cardOptions.form_${props.form}`).toLowerCase() }) : t('warnings.anyExamCard')
    default:
      return t('warnings.anyCard')
  }
}

function isOneOf<V extends string>(values: readonly V[], value: unknown): value is V {
  return typeof value === 'string' && (values as readonly string[]).includes(value)
}
