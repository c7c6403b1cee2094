import { readShapes, type ShapeLike } from '../board/shapeLike'
import { CONTENT_CARD_TYPE } from '../cards/content/contentCard'
import { EXAM_CARD_TYPE } from '../cards/exam/examCard'
import { FORMAT_CARD_TYPE } from '../cards/format/formatCard'
import { computeSummary, type DesignSummary, type SummaryInput } from '../summary'
import type { Language } from '../i18n'
import type { TableDef } from './tables'
import { levels, recordsOfLevel } from './tableZones'

// The plenary's comparison: one column per table with that table's own design summary (the same
// computeSummary as the whole board, on the table's records), and rows that line up the tables'
// cards of each type the summary totals: contents with the same title (ignoring case, spaces and
// punctuation), lecture formats of the same kind, exams of the same timing and form, or cards the
// facilitator linked (`session.comparisonLinks`: groups of card ids).

/** The card types the comparison lines up, in the order their rows come: the ones with totals. */
export const COMPARED_CARD_TYPES = [CONTENT_CARD_TYPE, FORMAT_CARD_TYPE, EXAM_CARD_TYPE] as const
export type ComparedCardType = (typeof COMPARED_CARD_TYPES)[number]

/** A row's unit: hours for contents and formats, percent of the mark for exams. */
export const COMPARED_VALUE = {
  [CONTENT_CARD_TYPE]: { prop: 'hours', unit: 'h' },
  [FORMAT_CARD_TYPE]: { prop: 'hours', unit: 'h' },
  [EXAM_CARD_TYPE]: { prop: 'weight', unit: '%' },
} as const satisfies Record<ComparedCardType, { prop: string; unit: string }>

/** The props that say two cards of a type are the same thing: a content's title, a format's kind, an exam's timing and form. */
const SAME_BY: Readonly<Record<ComparedCardType, readonly string[]>> = {
  [CONTENT_CARD_TYPE]: ['title'],
  [FORMAT_CARD_TYPE]: ['kind'],
  [EXAM_CARD_TYPE]: ['timing', 'form'],
}

export interface ComparisonColumn {
  table: TableDef
  summary: DesignSummary
}

export interface ComparisonCell {
  cardId: string
  /** A content's title as written; empty for the other types (the row's `fields` name them). */
  title: string
  /** Hours (contents, formats) or weight in % (exams): `COMPARED_VALUE[cardType]`. */
  value: number
}

export interface ComparisonRow {
  cardType: ComparedCardType
  /** The row's title: the first card's, as written (contents only). */
  title: string
  /** What the row lines up, from its first card: `{ title }`, `{ kind }` or `{ timing, form }`. */
  fields: Record<string, string>
  /** table id → that table's cards in this row (usually one). */
  cells: Record<string, ComparisonCell[]>
  /** How many tables have a card in the row. */
  tableCount: number
}

export interface Comparison {
  columns: ComparisonColumn[]
  /** Contents, then formats, then exams; in each, rows most tables agree on first, then by title. */
  rows: ComparisonRow[]
}

/** One design summary per level: `summaryOfLevel(input, tableId)` is the summary of that table (null: plenary). */
export function summaryOfLevel(input: SummaryInput, tableId: string | null, language?: Language): DesignSummary {
  return computeSummary({ ...input, records: recordsOfLevel(input.records, tableId) }, language)
}

/** Title as compared across tables: lower case, punctuation and repeated spaces dropped. */
export function comparableTitle(title: string): string {
  return title.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}

export function compareTables(
  input: SummaryInput,
  tables: readonly TableDef[],
  links: readonly (readonly string[])[],
  language?: Language,
): Comparison {
  const columns = tables.map((table) => ({ table, summary: summaryOfLevel(input, table.id, language) }))
  const levelOf = levels(input.records)
  const linkOf = new Map<string, number>()
  links.forEach((group, order) => group.forEach((id) => linkOf.set(id, order)))
  const rows = new Map<string, ComparisonRow>()
  for (const card of readShapes(input.records)) {
    const cardType = COMPARED_CARD_TYPES.find((type) => type === card.type)
    const tableId = levelOf(card.id)
    if (!cardType || tableId === null || !tables.some((t) => t.id === tableId)) continue
    const title = cardType === CONTENT_CARD_TYPE ? titleOf(card) : ''
    const fields = Object.fromEntries(SAME_BY[cardType].map((prop) => [prop, stringProp(card, prop).trim()]))
    const link = linkOf.get(card.id)
    const same = cardType === CONTENT_CARD_TYPE ? comparableTitle(title) : SAME_BY[cardType].map((prop) => fields[prop]).join('/')
    const key = `${cardType}:${link !== undefined ? `link:${link}` : same}`
    const row = rows.get(key) ?? { cardType, title, fields, cells: {}, tableCount: 0 }
    if (!row.cells[tableId]) row.tableCount++
    ;(row.cells[tableId] ??= []).push({ cardId: card.id, title, value: numberProp(card, COMPARED_VALUE[cardType].prop) })
    rows.set(key, row)
  }
  const typeOrder = (row: ComparisonRow) => COMPARED_CARD_TYPES.indexOf(row.cardType)
  const label = (row: ComparisonRow) => Object.values(row.fields).join(' ')
  const sorted = [...rows.values()].sort((a, b) => typeOrder(a) - typeOrder(b) || b.tableCount - a.tableCount || label(a).localeCompare(label(b)))
  return { columns, rows: sorted }
}

function titleOf(card: ShapeLike): string {
  return stringProp(card, 'title').trim()
}

function stringProp(card: ShapeLike, prop: string): string {
  const value = card.props[prop]
  return typeof value === 'string' ? value : ''
}

function numberProp(card: ShapeLike, prop: string): number {
  const value = card.props[prop]
  return typeof value === 'number' && Number.isFinite(value) ? value : 0
}

