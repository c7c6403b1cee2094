import {
  createShapePropsMigrationSequence,
  type RecordProps,
  type TLBaseShape,
} from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { fieldOptions, type CardDefinition } from '../cardFields'
import { parseWeight, weightValidator } from '../numberFields'

/** An ongoing or final exam and its weight in the final mark. */
export const EXAM_CARD_TYPE = 'tavolo-exam'

export const EXAM_TIMINGS = ['ongoing', 'final'] as const
export type ExamTiming = (typeof EXAM_TIMINGS)[number]

export const EXAM_FORMS = ['written', 'oral', 'project', 'presentation', 'participation'] as const
export type ExamForm = (typeof EXAM_FORMS)[number]

export interface ExamCardProps {
  w: number
  h: number
  timing: ExamTiming
  form: ExamForm
  weight: number
  notes: string
}

export type ExamCardShape = TLBaseShape<typeof EXAM_CARD_TYPE, ExamCardProps>

export const examCardProps: RecordProps<ExamCardShape> = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
  timing: T.literalEnum(...EXAM_TIMINGS),
  form: T.literalEnum(...EXAM_FORMS),
  weight: weightValidator,
  notes: T.string,
}

// No change since the first published props; a later change adds its step here.
export const examCardMigrations = createShapePropsMigrationSequence({ sequence: [] })

export const EXAM_TIMING_LABELS: Record<ExamTiming, string> = {
  ongoing: 'Ongoing (during the course)',
  final: 'Final',
}

export const EXAM_FORM_LABELS: Record<ExamForm, string> = {
  written: 'Written',
  oral: 'Oral',
  project: 'Project',
  presentation: 'Presentation',
  participation: 'Participation',
}

export function defaultExamCardProps(): ExamCardProps {
  return { w: 240, h: 160, timing: 'final', form: 'written', weight: 0, notes: '' }
}

export const EXAM_CARD: CardDefinition<typeof EXAM_CARD_TYPE, ExamCardProps> = {
  type: EXAM_CARD_TYPE,
  props: examCardProps,
  migrations: examCardMigrations,
  defaultProps: defaultExamCardProps,
  fields: [
    { key: 'form', label: 'Form', kind: 'choice', options: fieldOptions(EXAM_FORMS, EXAM_FORM_LABELS), show: 'heading' },
    { key: 'timing', label: 'When', kind: 'choice', options: fieldOptions(EXAM_TIMINGS, EXAM_TIMING_LABELS), show: 'fact' },
    { key: 'weight', label: 'Weight (%)', kind: 'number', unit: '%', parse: parseWeight, show: 'fact' },
    { key: 'notes', label: 'Notes', kind: 'longText', show: 'body' },
  ],
}
