import { CONTENT_CARD_TYPE, DELIVERED_BY_LABELS } from '../cards/content/contentCard'
import { EXAM_CARD_TYPE, EXAM_FORM_LABELS, EXAM_TIMING_LABELS } from '../cards/exam/examCard'
import { FORMAT_CARD_TYPE, FORMAT_KIND_LABELS } from '../cards/format/formatCard'
import { IDEA_CARD_TYPE } from '../cards/idea/ideaCard'
import type { CardType } from '../cards/cardTypes'
import { META_KEYS } from '../doc/roots'
import { isPersonRole, PERSON_ROLES, PERSON_ROLE_LABELS } from '../roles'
import { computeSummary, type ContributorRole, type DesignSummary } from '../summary'
import { ranking } from '../session/votes'
import { getTemplate, hasTemplate } from '../templates/catalog'
import { boardCards, type BoardCard } from './boardCards'
import { cardLabel, labelOf, nonEmpty } from './cardLabel'
import type { Outline, OutlineBlock, OutlineColumn } from './outline'
import type { BoardDocContent } from '../doc/readBoardDoc'
import { ratingsOutline } from './ratingsOutline'
import { levelsOutline } from './levelsOutline'
import { recordsOfLevel } from '../levels/tableZones'

// The programme document as an outline: what the Markdown and the PDF both show. Totals,
// warnings and contributions come from the shared summary (never recomputed here), so the
// document says what the summary panel said on the wall.

export interface ProgrammeOptions {
  /** The date printed on the document. */
  date: Date
  /** Leaves out people's names: participants and contributions by role only. */
  anonymous?: boolean
}

const ROLE_LABELS: Record<ContributorRole, string> = { ...PERSON_ROLE_LABELS, unknown: 'Role not given' }
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

export function programmeOutline(board: BoardDocContent, opts: ProgrammeOptions): Outline {
  // With tables, the programme is the plenary's; each table's follows in the levels section.
  const plenary = { ...board, records: recordsOfLevel(board.records, null) }
  const summary = computeSummary(plenary)
  const cards = boardCards(plenary.records, summary)
  const title = nonEmpty(board.meta[META_KEYS.title]) ?? 'Untitled board'
  const blocks: OutlineBlock[] = [
    { kind: 'heading', level: 1, text: title },
    { kind: 'paragraph', text: introduction(board, opts.date) },
    ...participants(board, opts.anonymous ?? false),
    ...summaryBlocks(summary, cards),
    ...contents(cards, summary),
    ...formats(cards, summary),
    ...exams(cards, summary),
    ...voteResults(cards, board),
    ...ratingsOutline(board),
    ...levelsOutline(board, { anonymous: opts.anonymous ?? false }),
    ...parkingLot(cards),
    ...coProducers(summary, opts.anonymous ?? false),
  ]
  return { title, blocks }
}

function introduction(board: BoardDocContent, date: Date): string {
  const templateId = board.meta[META_KEYS.template]
  const template = typeof templateId === 'string' && hasTemplate(templateId) ? getTemplate(templateId).title : null
  const when = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`
  return `Designed together on Tavolo. Exported on ${when}.` + (template ? ` Template: ${template}.` : '')
}

function participants(board: BoardDocContent, anonymous: boolean): OutlineBlock[] {
  const byRole = new Map<ContributorRole, string[]>()
  for (const person of Object.values(board.people)) {
    const role = isPersonRole(person.role) ? person.role : 'unknown'
    byRole.set(role, [...(byRole.get(role) ?? []), nonEmpty(person.name) ?? 'Unnamed person'])
  }
  const roles = [...PERSON_ROLES, 'unknown' as const].filter((role) => byRole.has(role))
  const items = roles.map((role) => {
    const names = (byRole.get(role) ?? []).sort((a, b) => a.localeCompare(b))
    const count = names.length === 1 ? '1 person' : `${names.length} people`
    return anonymous ? `${ROLE_LABELS[role]}: ${count}` : `${ROLE_LABELS[role]} (${names.length}): ${names.join(', ')}`
  })
  return [
    { kind: 'heading', level: 2, text: 'Participants' },
    items.length > 0 ? { kind: 'list', items } : { kind: 'paragraph', text: 'Nobody joined this board by name.' },
  ]
}

function summaryBlocks(summary: DesignSummary, cards: readonly BoardCard[]): OutlineBlock[] {
  const { contentHours, formatHours, examWeights } = summary
  const hours = (total: number, target: number | null) => (target === null ? `${total} h` : `${total} h of ${target} h`)
  const totals = [
    shows(summary, cards, CONTENT_CARD_TYPE) ? `Contents: ${hours(contentHours.total, contentHours.target)}` : null,
    shows(summary, cards, FORMAT_CARD_TYPE) ? `Lecture formats: ${hours(formatHours.total, formatHours.target)}` : null,
    shows(summary, cards, EXAM_CARD_TYPE)
      ? `Exam weights: ${examWeights.total} % (ongoing ${examWeights.ongoing} %, final ${examWeights.final} %)`
      : null,
    `Cards on the board: ${summary.cardCount}`,
  ].filter((line): line is string => line !== null)
  return [
    { kind: 'heading', level: 2, text: 'Summary' },
    { kind: 'list', items: totals },
    { kind: 'heading', level: 3, text: 'Warnings' },
    summary.warnings.length > 0
      ? { kind: 'list', items: summary.warnings.map((w) => w.message) }
      : { kind: 'paragraph', text: 'None: the design adds up.' },
  ]
}

function contents(cards: readonly BoardCard[], summary: DesignSummary): OutlineBlock[] {
  if (!shows(summary, cards, CONTENT_CARD_TYPE)) return []
  const { counted, other } = split(cards, CONTENT_CARD_TYPE)
  const blocks: OutlineBlock[] = [{ kind: 'heading', level: 2, text: 'Contents' }]
  if (counted.length === 0) blocks.push({ kind: 'paragraph', text: 'No contents yet.' })
  counted.forEach(({ shape }, i) => {
    const hours = typeof shape.props.hours === 'number' ? ` (${shape.props.hours} h)` : ''
    blocks.push({ kind: 'heading', level: 3, text: `${i + 1}. ${cardLabel(shape)}${hours}` })
    const description = nonEmpty(shape.props.description)
    if (description) blocks.push({ kind: 'paragraph', text: description })
    const deliveredBy = shape.props.deliveredBy === 'unset' ? null : labelOf(DELIVERED_BY_LABELS, shape.props.deliveredBy)
    if (deliveredBy) blocks.push({ kind: 'paragraph', text: `Delivered by: ${deliveredBy}` })
  })
  return [...blocks, ...notCounted(other)]
}

function formats(cards: readonly BoardCard[], summary: DesignSummary): OutlineBlock[] {
  if (!shows(summary, cards, FORMAT_CARD_TYPE)) return []
  const { counted, other } = split(cards, FORMAT_CARD_TYPE)
  const rows = counted.map(({ shape }) => [
    labelOf(FORMAT_KIND_LABELS, shape.props.kind) ?? '',
    numberText(shape.props.hours),
    nonEmpty(shape.props.notes) ?? '',
  ])
  return [
    ...tableSection('Lecture formats', 'No lecture formats yet.', [
      { title: 'Format', align: 'left' },
      { title: 'Hours', align: 'right' },
      { title: 'Notes', align: 'left' },
    ], rows.length === 0 ? [] : [...rows, ['Total', String(summary.formatHours.total), '']]),
    ...notCounted(other),
  ]
}

function exams(cards: readonly BoardCard[], summary: DesignSummary): OutlineBlock[] {
  if (!shows(summary, cards, EXAM_CARD_TYPE)) return []
  const { counted, other } = split(cards, EXAM_CARD_TYPE)
  const { ongoing, final, total } = summary.examWeights
  const rows = counted.map(({ shape }) => [
    labelOf(EXAM_TIMING_LABELS, shape.props.timing) ?? '',
    labelOf(EXAM_FORM_LABELS, shape.props.form) ?? '',
    typeof shape.props.weight === 'number' ? `${shape.props.weight} %` : '',
    nonEmpty(shape.props.notes) ?? '',
  ])
  return [
    ...tableSection('Exams', 'No exams yet.', [
      { title: 'When', align: 'left' },
      { title: 'Form', align: 'left' },
      { title: 'Weight', align: 'right' },
      { title: 'Notes', align: 'left' },
    ], rows),
    { kind: 'paragraph', text: `Weights: ongoing ${ongoing} %, final ${final} %, total ${total} %.` },
    ...notCounted(other),
  ]
}

/** A section's heading, then its table, or a sentence saying it has nothing yet. */
function tableSection(title: string, empty: string, columns: OutlineColumn[], rows: string[][]): OutlineBlock[] {
  return [
    { kind: 'heading', level: 2, text: title },
    rows.length === 0 ? { kind: 'paragraph', text: empty } : { kind: 'table', columns, rows },
  ]
}

function voteResults(cards: readonly BoardCard[], board: BoardDocContent): OutlineBlock[] {
  const byId = new Map(cards.map((c) => [c.shape.id, c]))
  const ranked = ranking(board.votes, [...byId.keys()]).filter((r) => r.dots > 0)
  if (ranked.length === 0) return []
  return [
    { kind: 'heading', level: 2, text: 'Vote results' },
    {
      kind: 'table',
      columns: [
        { title: 'Rank', align: 'right' },
        { title: 'Card', align: 'left' },
        { title: 'Zone', align: 'left' },
        { title: 'Dots', align: 'right' },
      ],
      rows: ranked.map(({ cardId, dots, rank }) => {
        const card = byId.get(cardId)
        return [String(rank), card ? cardLabel(card.shape) : cardId, card?.zone?.title ?? 'Outside every zone', String(dots)]
      }),
    },
  ]
}

function parkingLot(cards: readonly BoardCard[]): OutlineBlock[] {
  const ideas = cards.filter((c) => c.shape.type === IDEA_CARD_TYPE)
  if (ideas.length === 0) return []
  const dots = (n: number) => (n === 0 ? '' : n === 1 ? ' (1 dot)' : ` (${n} dots)`)
  return [
    { kind: 'heading', level: 2, text: 'Parking lot: open ideas' },
    { kind: 'list', items: ideas.map((idea) => `${nonEmpty(idea.shape.props.text) ?? 'Empty idea'}${dots(idea.dots)}`) },
  ]
}

function coProducers(summary: DesignSummary, anonymous: boolean): OutlineBlock[] {
  const { byRole, byPerson, fromTemplate } = summary.contributions
  const roles = [...PERSON_ROLES, 'unknown' as const].filter((role) => byRole[role].created + byRole[role].lastEdited > 0)
  const rows = roles.map((role) => [ROLE_LABELS[role], String(byRole[role].created), String(byRole[role].lastEdited)])
  if (fromTemplate.created + fromTemplate.lastEdited > 0) {
    rows.push(['Template (not yet changed)', String(fromTemplate.created), String(fromTemplate.lastEdited)])
  }
  const blocks: OutlineBlock[] = [
    { kind: 'heading', level: 2, text: 'Who co-produced this design' },
    rows.length === 0
      ? { kind: 'paragraph', text: 'No cards yet.' }
      : {
          kind: 'table',
          columns: [
            { title: 'Role', align: 'left' },
            { title: 'Cards created', align: 'right' },
            { title: 'Cards last edited', align: 'right' },
          ],
          rows,
        },
  ]
  if (!anonymous && byPerson.length > 0) {
    blocks.push({
      kind: 'list',
      items: byPerson.map((p) => `${p.name} (${ROLE_LABELS[p.role]}): ${p.created} created, ${p.lastEdited} last edited`),
    })
  }
  return blocks
}

/** A section shows when the board has a zone expecting its card type or any card of that type. */
function shows(summary: DesignSummary, cards: readonly BoardCard[], type: CardType): boolean {
  return summary.zones.some((z) => z.accepts.includes(type)) || cards.some((c) => c.shape.type === type)
}

function split(cards: readonly BoardCard[], type: CardType): { counted: BoardCard[]; other: BoardCard[] } {
  const ofType = cards.filter((c) => c.shape.type === type)
  return { counted: ofType.filter((c) => c.counted), other: ofType.filter((c) => !c.counted) }
}

/** Cards of a section that the totals leave out (outside a zone, wrong zone, invalid value). */
function notCounted(cards: readonly BoardCard[]): OutlineBlock[] {
  if (cards.length === 0) return []
  return [
    { kind: 'paragraph', text: 'Also on the board, not counted in the totals (see the warnings):' },
    { kind: 'list', items: cards.map((c) => cardLabel(c.shape)) },
  ]
}

function numberText(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : ''
}
