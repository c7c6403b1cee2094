import { T } from '@tldraw/validate'
import type { CardType } from '../cards/cardTypes'
import type { ContentCardProps } from '../cards/content/contentCard'
import type { ExamCardProps } from '../cards/exam/examCard'
import type { FormatCardProps } from '../cards/format/formatCard'
import type { IdeaCardProps } from '../cards/idea/ideaCard'
import type { TemplateSummary } from '../wire/api'
import { expectDistinct } from '../wire/validation'

// A template is data: adding one means adding a layout file beside the others, its words under
// `templates.<id>` in each language's catalogue (shared/src/i18n), and listing it in catalog.ts.
// Seeding turns it into tldraw records (templateRecords.ts) in the board's language.

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

/** `session.rules`: the checks the summary makes, each once (absent: all of them). */
export const storedTemplateRules: T.Validator<TemplateRule[]> = T.arrayOf(T.literalEnum(...TEMPLATE_RULES)).check((rules) =>
  expectDistinct(rules, 'rule'),
)

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

/** A template in one language: its layout with the catalogue's words filled in. */
export interface Template extends TemplateSummary {
  /** Stable id, part of the API (`POST /api/boards` `template`): lower-case words and dashes. */
  id: string
  zones: TemplateZone[]
  targets: TemplateTargets
  rules: TemplateRule[]
  starterCards: StarterCard[]
}

/**
 * A template file: everything but the words. Each zone and starter card has a `key`; its title,
 * hint or text come from the catalogue's `templates.<id>.zones.<key>` and `.cards.<key>`.
 */
export interface TemplateLayout {
  id: string
  zones: Omit<TemplateZone, 'title'>[]
  targets: TemplateTargets
  rules: TemplateRule[]
  starterCards: (StarterCard & { key: string })[]
}

/** A template's words in one language, as the catalogue holds them. */
export interface TemplateTexts {
  title: string
  description: string
  zones?: Record<string, string>
  cards?: Record<string, Record<string, string>>
}

