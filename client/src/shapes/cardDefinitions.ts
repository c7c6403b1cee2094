import {
  CARD_TYPE_LABELS,
  CONTENT_CARD_FIELD_LABELS,
  CONTENT_CARD_TYPE,
  DELIVERED_BY,
  DELIVERED_BY_LABELS,
  EXAM_CARD_FIELD_LABELS,
  EXAM_CARD_TYPE,
  EXAM_FORMS,
  EXAM_FORM_LABELS,
  EXAM_TIMINGS,
  EXAM_TIMING_LABELS,
  FORMAT_CARD_FIELD_LABELS,
  FORMAT_CARD_TYPE,
  FORMAT_KINDS,
  FORMAT_KIND_LABELS,
  IDEA_CARD_FIELD_LABELS,
  IDEA_CARD_TYPE,
  parseHours,
  parseWeight,
  type CardType,
  type FieldParse,
} from '../../../shared/src/cards'

// What each card type shows and lets people edit, as data: one card view and one field editor
// serve every type. `show` says where a field appears on the card when not editing.

interface FieldBase {
  /** The prop the field edits. */
  key: string
  label: string
  /** heading: the card's bold line; fact: a short "label: value" line; body: free text below. */
  show: 'heading' | 'fact' | 'body'
}

export type CardField =
  | (FieldBase & { kind: 'text' | 'longText' })
  | (FieldBase & { kind: 'number'; unit: string; parse(input: string): FieldParse<number> })
  | (FieldBase & { kind: 'choice'; options: readonly { value: string; label: string }[] })

export interface CardDefinition {
  type: CardType
  label: string
  /** In the order the editor shows them (and Tab moves through them). */
  fields: readonly CardField[]
}

function options<V extends string>(values: readonly V[], labels: Record<V, string>) {
  return values.map((value) => ({ value, label: labels[value] }))
}

export const CONTENT_CARD: CardDefinition = {
  type: CONTENT_CARD_TYPE,
  label: CARD_TYPE_LABELS[CONTENT_CARD_TYPE],
  fields: [
    { key: 'title', label: CONTENT_CARD_FIELD_LABELS.title, kind: 'text', show: 'heading' },
    { key: 'description', label: CONTENT_CARD_FIELD_LABELS.description, kind: 'longText', show: 'body' },
    { key: 'hours', label: CONTENT_CARD_FIELD_LABELS.hours, kind: 'number', unit: 'h', parse: parseHours, show: 'fact' },
    {
      key: 'deliveredBy',
      label: CONTENT_CARD_FIELD_LABELS.deliveredBy,
      kind: 'choice',
      options: options(DELIVERED_BY, DELIVERED_BY_LABELS),
      show: 'fact',
    },
  ],
}

export const FORMAT_CARD: CardDefinition = {
  type: FORMAT_CARD_TYPE,
  label: CARD_TYPE_LABELS[FORMAT_CARD_TYPE],
  fields: [
    { key: 'kind', label: FORMAT_CARD_FIELD_LABELS.kind, kind: 'choice', options: options(FORMAT_KINDS, FORMAT_KIND_LABELS), show: 'heading' },
    { key: 'hours', label: FORMAT_CARD_FIELD_LABELS.hours, kind: 'number', unit: 'h', parse: parseHours, show: 'fact' },
    { key: 'notes', label: FORMAT_CARD_FIELD_LABELS.notes, kind: 'longText', show: 'body' },
  ],
}

export const EXAM_CARD: CardDefinition = {
  type: EXAM_CARD_TYPE,
  label: CARD_TYPE_LABELS[EXAM_CARD_TYPE],
  fields: [
    { key: 'form', label: EXAM_CARD_FIELD_LABELS.form, kind: 'choice', options: options(EXAM_FORMS, EXAM_FORM_LABELS), show: 'heading' },
    { key: 'timing', label: EXAM_CARD_FIELD_LABELS.timing, kind: 'choice', options: options(EXAM_TIMINGS, EXAM_TIMING_LABELS), show: 'fact' },
    { key: 'weight', label: EXAM_CARD_FIELD_LABELS.weight, kind: 'number', unit: '%', parse: parseWeight, show: 'fact' },
    { key: 'notes', label: EXAM_CARD_FIELD_LABELS.notes, kind: 'longText', show: 'body' },
  ],
}

export const IDEA_CARD: CardDefinition = {
  type: IDEA_CARD_TYPE,
  label: CARD_TYPE_LABELS[IDEA_CARD_TYPE],
  fields: [{ key: 'text', label: IDEA_CARD_FIELD_LABELS.text, kind: 'longText', show: 'body' }],
}

/** A stored value as people read it: "4 h", "30 %", an option's label; '' for nothing to show. */
export function displayValue(field: CardField, value: unknown): string {
  switch (field.kind) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? `${value} ${field.unit}` : ''
    case 'choice':
      return field.options.find((o) => o.value === value)?.label ?? ''
    default:
      return typeof value === 'string' ? value.trim() : ''
  }
}

/**
 * The card's fields in one line, for screen readers: "Title: Public value, Hours: 4 h". tldraw
 * adds the shape's name ("Content card", shapeUiOverrides.ts) when it reads it out.
 */
export function describeCard(definition: CardDefinition, props: object): string {
  return definition.fields
    .map((field) => [field.label, displayValue(field, fieldValue(props, field))] as const)
    .filter(([, value]) => value !== '')
    .map(([label, value]) => `${label}: ${value}`)
    .join(', ')
}

/** The stored value a field edits, from a card's props. */
export function fieldValue(props: object, field: CardField): unknown {
  return (props as Readonly<Record<string, unknown>>)[field.key]
}
