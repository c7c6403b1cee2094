import type { ShapeLike } from '../board/shapeLike'
import { CONTENT_CARD_TYPE } from '../cards/content/contentCard'
import { EXAM_CARD_TYPE, EXAM_FORM_LABELS, EXAM_TIMING_LABELS } from '../cards/exam/examCard'
import { FORMAT_CARD_TYPE, FORMAT_KIND_LABELS } from '../cards/format/formatCard'
import { IDEA_CARD_TYPE } from '../cards/idea/ideaCard'

// How an export names a card in a list or table (vote results, warnings): its title, kind, form
// or text, falling back to plain words when the stored value is empty or unknown.

const IDEA_LABEL_MAX = 120

export function cardLabel(shape: ShapeLike): string {
  const { props } = shape
  switch (shape.type) {
    case CONTENT_CARD_TYPE:
      return nonEmpty(props.title) ?? 'Untitled content'
    case FORMAT_CARD_TYPE:
      return labelOf(FORMAT_KIND_LABELS, props.kind) ?? 'Lecture format'
    case EXAM_CARD_TYPE: {
      const form = labelOf(EXAM_FORM_LABELS, props.form) ?? 'Exam'
      const timing = labelOf(EXAM_TIMING_LABELS, props.timing)
      return timing ? `${form} (${timing.toLowerCase()})` : form
    }
    case IDEA_CARD_TYPE: {
      const text = nonEmpty(props.text)?.replace(/\s+/g, ' ')
      if (!text) return 'Empty idea'
      return text.length > IDEA_LABEL_MAX ? `${text.slice(0, IDEA_LABEL_MAX - 1).trimEnd()}…` : text
    }
    default:
      return 'Card'
  }
}

export function labelOf<K extends string>(labels: Record<K, string>, value: unknown): string | null {
  return typeof value === 'string' && Object.hasOwn(labels, value) ? labels[value as K] : null
}

export function nonEmpty(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}
