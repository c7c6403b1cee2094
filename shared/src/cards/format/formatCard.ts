import {
  createShapePropsMigrationSequence,
  type RecordProps,
  type TLBaseShape,
} from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { fieldOptions, type CardDefinition } from '../cardFields'
import { hoursValidator, parseHours } from '../numberFields'

/** A kind of lecture or activity, with the hours it takes. */
export const FORMAT_CARD_TYPE = 'tavolo-format'

export const FORMAT_KINDS = [
  'lecture',
  'seminar',
  'case-study',
  'workshop',
  'guest-speaker',
  'e-learning',
  'field-visit',
  'other',
] as const
export type FormatKind = (typeof FORMAT_KINDS)[number]

export interface FormatCardProps {
  w: number
  h: number
  kind: FormatKind
  hours: number
  notes: string
}

export type FormatCardShape = TLBaseShape<typeof FORMAT_CARD_TYPE, FormatCardProps>

export const formatCardProps: RecordProps<FormatCardShape> = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
  kind: T.literalEnum(...FORMAT_KINDS),
  hours: hoursValidator,
  notes: T.string,
}

// No change since the first published props; a later change adds its step here.
export const formatCardMigrations = createShapePropsMigrationSequence({ sequence: [] })

export const FORMAT_KIND_LABELS: Record<FormatKind, string> = {
  lecture: 'Frontal lecture',
  seminar: 'Seminar',
  'case-study': 'Case study',
  workshop: 'Workshop / lab',
  'guest-speaker': 'Guest speaker',
  'e-learning': 'E-learning',
  'field-visit': 'Field visit',
  other: 'Other',
}

export function defaultFormatCardProps(): FormatCardProps {
  return { w: 240, h: 160, kind: 'lecture', hours: 0, notes: '' }
}

export const FORMAT_CARD: CardDefinition<typeof FORMAT_CARD_TYPE, FormatCardProps> = {
  type: FORMAT_CARD_TYPE,
  props: formatCardProps,
  migrations: formatCardMigrations,
  defaultProps: defaultFormatCardProps,
  fields: [
    { key: 'kind', label: 'Kind', kind: 'choice', options: fieldOptions(FORMAT_KINDS, FORMAT_KIND_LABELS), show: 'heading' },
    { key: 'hours', label: 'Hours', kind: 'number', unit: 'h', parse: parseHours, show: 'fact' },
    { key: 'notes', label: 'Notes', kind: 'longText', show: 'body' },
  ],
}
