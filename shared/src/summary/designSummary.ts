import { isCardType } from '../cards/cardTypes'
import { CONTENT_CARD_TYPE } from '../cards/content/contentCard'
import { EXAM_CARD_TYPE } from '../cards/exam/examCard'
import { FORMAT_CARD_TYPE, FORMAT_KINDS, type FormatKind } from '../cards/format/formatCard'
import { IDEA_CARD_TYPE } from '../cards/idea/ideaCard'
import { isValidHours } from '../cards/numberFields'
import { isObject, readShapes, type ShapeLike } from '../board/shapeLike'
import { TEMPLATE_RULES, type TemplateRule } from '../templates/template'
import { defaultLanguage, type Language } from '../i18n'
import { cardName, readCardValues, type CardValues } from './cardValues'
import { computeContributions, type Contributions } from './contributions'
import {
  examWeightsWarning,
  hoursWarning,
  invalidValueWarning,
  outsideZonesWarning,
  wrongZoneWarning,
  type SummaryWarning,
} from './warnings'
import { zoneAccepts, zoneIndex, zoneOfCard, type ZoneInfo } from './zoneMembership'

// The live design summary, computed from a board's plain records so the client panel, the
// exporters and the server agree. Rules of counting:
// - a card belongs to the zone its centre lies in (smallest zone if several: zoneMembership.ts);
// - a card counts in the totals only inside a zone that accepts its type (a zone accepting no
//   listed type takes any), so a card moved out of Contents leaves the content hours;
// - a card with an invalid stored value (older or buggy client) is listed and warned about,
//   never counted and never a crash;
// - each rule in `session.rules` (all rules when a board has none stored) applies once the board
//   has a zone that expects that card type, and hours rules also need `session.targets.totalHours`.

export interface SummaryInput {
  /** Plain tldraw records (TLRecord-like); anything else in the list is ignored. */
  records: readonly unknown[]
  /** person id → { name, role, colour }, as in the `people` root. */
  people: Readonly<Record<string, unknown>>
  /** The `session` root: `targets` ({ totalHours }) and `rules` are read. */
  session?: { targets?: unknown; rules?: unknown }
  /** The `votes` root: `<card id>/<person id>` → number of dots. */
  votes?: Readonly<Record<string, unknown>>
}

export interface ZoneSummary {
  zoneId: string
  title: string
  accepts: string[]
  /** Every card whose centre lies in the zone, counted or not. */
  cardIds: string[]
  /** The cards that count in the totals: an accepted type with valid values. */
  countedCardIds: string[]
}

export interface DesignSummary {
  rules: TemplateRule[]
  contentHours: { total: number; target: number | null; cardIds: string[] }
  formatHours: { total: number; target: number | null; byKind: Record<FormatKind, number>; cardIds: string[] }
  examWeights: { total: number; ongoing: number; final: number; cardIds: string[] }
  zones: ZoneSummary[]
  /** Cards whose centre lies in no zone. */
  cardsOutsideZones: string[]
  /** Cards with a stored value that is not valid: never counted. */
  invalidCardIds: string[]
  cardCount: number
  contributions: Contributions
  /** Dots per card id, from `votes`. */
  dotsByCard: Record<string, number>
  warnings: SummaryWarning[]
}

/** `language` is the warnings' language: the UI's on the client, the export's in exports. */
export function computeSummary(input: SummaryInput, language: Language = defaultLanguage): DesignSummary {
  const shapes = readShapes(input.records)
  const { zones, byId } = zoneIndex(shapes)
  const cards = shapes.filter((s) => isCardType(s.type))
  const rules = readRules(input.session?.rules)
  const target = readTarget(input.session?.targets)

  const summary: DesignSummary = {
    rules,
    contentHours: { total: 0, target, cardIds: [] },
    formatHours: { total: 0, target, byKind: zeroPerKind(), cardIds: [] },
    examWeights: { total: 0, ongoing: 0, final: 0, cardIds: [] },
    zones: zones.map((z) => ({ zoneId: z.id, title: z.title, accepts: [...z.accepts], cardIds: [], countedCardIds: [] })),
    cardsOutsideZones: [],
    invalidCardIds: [],
    cardCount: cards.length,
    contributions: computeContributions(cards, input.people),
    dotsByCard: dotsByCard(input.votes),
    warnings: [],
  }
  const misplaced = new Map<ZoneInfo, string[]>()
  const invalidWarnings: SummaryWarning[] = []

  for (const card of cards) {
    const zone = zoneOfCard(card, zones, byId)
    const reading = readCardValues(card)
    if (reading && !reading.ok) {
      summary.invalidCardIds.push(card.id)
      invalidWarnings.push(invalidValueWarning(language, cardName(card, language), reading.invalidFields, card.id))
    }
    if (!zone) {
      summary.cardsOutsideZones.push(card.id)
      continue
    }
    const zoneSummary = summary.zones[zones.indexOf(zone)]
    zoneSummary.cardIds.push(card.id)
    if (!zoneAccepts(zone, card.type)) {
      if (card.type !== IDEA_CARD_TYPE) misplaced.set(zone, [...(misplaced.get(zone) ?? []), card.id])
      continue
    }
    if (!reading?.ok) continue
    zoneSummary.countedCardIds.push(card.id)
    addToTotals(summary, reading.values, card.id)
  }

  summary.warnings = [
    ...ruleWarnings(language, summary, zones),
    ...[...misplaced].map(([zone, ids]) => wrongZoneWarning(language, zone, ids)),
    ...outsideWarnings(language, summary.cardsOutsideZones, byId, zones.length > 0),
    ...invalidWarnings,
  ]
  return summary
}

function addToTotals(
  summary: DesignSummary,
  values: CardValues,
  cardId: string,
): void {
  switch (values.type) {
    case CONTENT_CARD_TYPE:
      summary.contentHours.total += values.hours
      summary.contentHours.cardIds.push(cardId)
      break
    case FORMAT_CARD_TYPE:
      summary.formatHours.total += values.hours
      summary.formatHours.byKind[values.kind] += values.hours
      summary.formatHours.cardIds.push(cardId)
      break
    case EXAM_CARD_TYPE:
      summary.examWeights.total += values.weight
      summary.examWeights[values.timing] += values.weight
      summary.examWeights.cardIds.push(cardId)
      break
  }
}

function ruleWarnings(language: Language, summary: DesignSummary, zones: readonly ZoneInfo[]): SummaryWarning[] {
  const expects = (type: string) => zones.some((z) => (z.accepts as readonly string[]).includes(type))
  const applies = (rule: TemplateRule, type: string) => summary.rules.includes(rule) && expects(type)
  const { contentHours, formatHours, examWeights } = summary
  const warnings = [
    applies('content-hours-match-target', CONTENT_CARD_TYPE) && contentHours.target !== null
      ? hoursWarning(language, 'content-hours', contentHours.total, contentHours.target, contentHours.cardIds)
      : null,
    applies('format-hours-match-target', FORMAT_CARD_TYPE) && formatHours.target !== null
      ? hoursWarning(language, 'format-hours', formatHours.total, formatHours.target, formatHours.cardIds)
      : null,
    applies('exam-weights-total-100', EXAM_CARD_TYPE) ? examWeightsWarning(language, examWeights.total, examWeights.cardIds) : null,
  ]
  return warnings.filter((w): w is SummaryWarning => w !== null)
}

/** Idea cards may sit anywhere; other cards outside every zone are worth a warning on a board with zones. */
function outsideWarnings(
  language: Language,
  cardIds: readonly string[],
  byId: ReadonlyMap<string, ShapeLike>,
  boardHasZones: boolean,
): SummaryWarning[] {
  const concerned = cardIds.filter((id) => byId.get(id)?.type !== IDEA_CARD_TYPE)
  return boardHasZones && concerned.length > 0 ? [outsideZonesWarning(language, concerned)] : []
}

function readRules(value: unknown): TemplateRule[] {
  if (!Array.isArray(value)) return [...TEMPLATE_RULES]
  return TEMPLATE_RULES.filter((rule) => value.includes(rule))
}

function readTarget(targets: unknown): number | null {
  const totalHours = isObject(targets) ? targets.totalHours : undefined
  return isValidHours(totalHours) && totalHours > 0 ? totalHours : null
}

function zeroPerKind(): Record<FormatKind, number> {
  return Object.fromEntries(FORMAT_KINDS.map((kind) => [kind, 0])) as Record<FormatKind, number>
}

function dotsByCard(votes: Readonly<Record<string, unknown>> | undefined): Record<string, number> {
  const dots: Record<string, number> = {}
  for (const [key, value] of Object.entries(votes ?? {})) {
    const slash = key.indexOf('/')
    if (slash <= 0 || typeof value !== 'number' || !Number.isFinite(value) || value <= 0) continue
    const cardId = key.slice(0, slash)
    dots[cardId] = (dots[cardId] ?? 0) + value
  }
  return dots
}
