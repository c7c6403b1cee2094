import type { RecordProps, TLBaseShape, TLPropsMigrations } from '@tldraw/tlschema'
import type { FieldParse } from './numberFields'

// A card type as data: its stored props (validators, migrations, defaults) and what it shows and
// lets people edit. The server builds its schema from the first half; the client's one card view
// and one field editor serve every type from the second. `show` says where a field appears on
// the card when not editing.

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

export interface CardDefinition<Type extends string = string, Props extends object = object> {
  /** The shape type: part of the document format. */
  type: Type
  props: RecordProps<TLBaseShape<Type, Props>>
  migrations: TLPropsMigrations
  defaultProps(): Props
  /** In the order the editor shows them (and Tab moves through them). */
  fields: readonly CardField[]
}

/** A choice field's options, in the order of its allowed values. */
export function fieldOptions<V extends string>(values: readonly V[], labels: Record<V, string>) {
  return values.map((value) => ({ value, label: labels[value] }))
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

/** How a field's label and value read: in English by default, in the UI's language on the client. */
export interface CardWords {
  label(field: CardField): string
  value(field: CardField, value: unknown): string
}

export const ENGLISH_CARD_WORDS: CardWords = { label: (field) => field.label, value: displayValue }

/**
 * The card's fields in one line, for screen readers: "Title: Public value, Hours: 4 h". tldraw
 * adds the shape's name ("Content card", client/src/shapes/shapeUiOverrides.ts) when it reads it out.
 */
export function describeCard(definition: Pick<CardDefinition, 'fields'>, props: object, words: CardWords = ENGLISH_CARD_WORDS): string {
  return definition.fields
    .map((field) => [words.label(field), words.value(field, fieldValue(props, field))] as const)
    .filter(([, value]) => value !== '')
    .map(([label, value]) => `${label}: ${value}`)
    .join(', ')
}

/** The stored value a field edits, from a card's props. */
export function fieldValue(props: object, field: CardField): unknown {
  return (props as Readonly<Record<string, unknown>>)[field.key]
}
