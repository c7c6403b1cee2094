import type { CardType } from '../cards/cardTypes'
import type { ContentCardProps } from '../cards/content/contentCard'
import type { ExamCardProps } from '../cards/exam/examCard'
import type { FormatCardProps } from '../cards/format/formatCard'
import type { IdeaCardProps } from '../cards/idea/ideaCard'
import type { TemplateSummary } from '../wire/api'

// A template is data: adding one means adding a data file beside the others and listing it in
// catalog.ts. Seeding turns it into tldraw records (templateRecords.ts).

/** The checks the live summary makes on a board; a template switches on the ones that apply. */
export const TEMPLATE_RULES = [
  /** Content hours add up to `targets.totalHours`. */
  'content-hours-match-target',
  /** Lecture-format hours add up to `targets.totalHours`. */
  'format-hours-match-target',
  /** Exam weights add up to 100 %. */
  'exam-weights-total-100',
] as const
export type TemplateRule = (typeof TEMPLATE_RULES)[number]

export interface TemplateTargets {
  /** Hours of the whole course; the facilitator can change it on the board. */
  totalHours?: number
}

export interface TemplateZone {
  /** Names the zone inside the template, so starter cards can say where they go. */
  key: string
  title: string
  /** Page position of the zone's top-left corner and its size, in canvas units. */
  x: number
  y: number
  w: number
  h: number
  accepts: CardType[]
}

type Starter<Type extends CardType, Props> = {
  /** The `key` of the zone the card starts in; cards are laid out in order inside it. */
  zone: string
  type: Type
  props: Partial<Omit<Props, 'w' | 'h'>>
}

export type StarterCard =
  | Starter<'tavolo-content', ContentCardProps>
  | Starter<'tavolo-format', FormatCardProps>
  | Starter<'tavolo-exam', ExamCardProps>
  | Starter<'tavolo-idea', IdeaCardProps>

export interface Template extends TemplateSummary {
  /** Stable id, part of the API (`POST /api/boards` `template`): lower-case words and dashes. */
  id: string
  zones: TemplateZone[]
  targets: TemplateTargets
  rules: TemplateRule[]
  starterCards: StarterCard[]
}

