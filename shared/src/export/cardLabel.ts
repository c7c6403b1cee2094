import type { ParseKeys, TFunction } from 'i18next'
import type { ShapeLike } from '../board/shapeLike'
import { CARD_DEFINITIONS, type CardType } from '../cards/cardTypes'
import { CONTENT_CARD_TYPE } from '../cards/content/contentCard'
import { EXAM_CARD_TYPE } from '../cards/exam/examCard'
import { FORMAT_CARD_TYPE } from '../cards/format/formatCard'
import { IDEA_CARD_TYPE } from '../cards/idea/ideaCard'
import { shortenAtWord } from '../text/shortenAtWord'

// How an export or a panel names a card in a list or table (vote results, warnings): its title,
// kind or form or text, in the language of `t`, falling back to plain words when the stored value
// is empty or unknown.

const IDEA_LABEL_MAX = 120

/** A card as cardLabel reads it: a stored shape, or the editor's own. */
type LabelledShape = Pick<ShapeLike, 'type'> & { props: object }

/** The card's label, shortened at a word to `max` characters when given (one line of a panel's list). */
export function cardLabel(shape: LabelledShape, t: TFunction, max?: number): string {
  const label = fullLabel(shape, t)
  return max === undefined ? label : shortenAtWord(label, max)
}

function fullLabel(shape: LabelledShape, t: TFunction): string {
  const props = shape.props as Record<string, unknown>
  switch (shape.type) {
    case CONTENT_CARD_TYPE:
      return nonEmpty(props.title) ?? t('programme.untitledContent')
    case FORMAT_CARD_TYPE:
      return optionLabel(t, FORMAT_CARD_TYPE, 'kind', props.kind) ?? t('programme.anyFormat')
    case EXAM_CARD_TYPE: {
      const form = optionLabel(t, EXAM_CARD_TYPE, 'form', props.form) ?? t('programme.anyExam')
      const timing = optionLabel(t, EXAM_CARD_TYPE, 'timing', props.timing)
      return timing ? t('programme.examLabel', { form, timing: timing.toLowerCase() }) : form
    }
    case IDEA_CARD_TYPE: {
      const text = nonEmpty(props.text)
      return text ? shortenAtWord(text, IDEA_LABEL_MAX) : t('programme.emptyIdea')
    }
    default:
      return t('programme.anyCard')
  }
}

/** The label of a choice field's stored value (the catalogue's `cardOptions`), or null for a value the field does not offer. */
export function optionLabel(t: TFunction, type: CardType, fieldKey: string, value: unknown): string | null {
  const field = CARD_DEFINITIONS[type].fields.find((f) => f.key === fieldKey)
  if (field?.kind !== 'choice' || typeof value !== 'string' || !field.options.some((o) => o.value === value)) return null
  return t(`cardOptions.${fieldKey}_${value}` as ParseKeys)
}

export function nonEmpty(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}
