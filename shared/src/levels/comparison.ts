import { readShapes, type ShapeLike } from '../board/shapeLike'
import { CONTENT_CARD_TYPE } from '../cards/content/contentCard'
import { computeSummary, type DesignSummary, type SummaryInput } from '../summary'
import type { Language } from '../i18n'
import type { TableDef } from './tables'
import { levels, recordsOfLevel } from './tableZones'

// The plenary's comparison: one column per table with that table's own design summary (the same
// computeSummary as the whole board, on the table's records), and rows that line up the tables'
// content cards that are the same content: the same title (ignoring case, spaces and
// punctuation), or cards the facilitator linked (`session.comparisonLinks`: groups of card ids).

export interface ComparisonColumn {
  table: TableDef
  summary: DesignSummary
}

export interface ComparisonCell {
  cardId: string
  title: string
  hours: number
}

export interface ComparisonRow {
  /** The row's title: the first card's, as written. */
  title: string
  /** table id → that table's cards in this row (usually one). */
  cells: Record<string, ComparisonCell[]>
  /** How many tables have a card in the row. */
  tableCount: number
}

export interface Comparison {
  columns: ComparisonColumn[]
  /** Rows most tables agree on first, then by title. */
  rows: ComparisonRow[]
}

/** One design summary per level: `summaryOfLevel(input, tableId)` is the summary of that table (null: plenary). */
export function summaryOfLevel(input: SummaryInput, tableId: string | null, language?: Language): DesignSummary {
  return computeSummary({ ...input, records: recordsOfLevel(input.records, tableId) }, language)
}

export function readComparisonLinks(value: unknown): string[][] | undefined {
  if (!Array.isArray(value)) return undefined
  const groups = value.filter((g): g is string[] => Array.isArray(g) && g.every((id) => typeof id === 'string'))
  return groups.length === value.length ? groups.map((g) => [...g]) : undefined
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
  for (const card of readShapes(input.records).filter((s) => s.type === CONTENT_CARD_TYPE)) {
    const tableId = levelOf(card.id)
    if (tableId === null || !tables.some((t) => t.id === tableId)) continue
    const title = titleOf(card)
    const link = linkOf.get(card.id)
    const key = link !== undefined ? `link:${link}` : `title:${comparableTitle(title)}`
    const row = rows.get(key) ?? { title, cells: {}, tableCount: 0 }
    if (!row.cells[tableId]) row.tableCount++
    ;(row.cells[tableId] ??= []).push({ cardId: card.id, title, hours: hoursOf(card) })
    rows.set(key, row)
  }
  const sorted = [...rows.values()].sort((a, b) => b.tableCount - a.tableCount || a.title.localeCompare(b.title))
  return { columns, rows: sorted }
}

function titleOf(card: ShapeLike): string {
  return typeof card.props.title === 'string' ? card.props.title.trim() : ''
}

function hoursOf(card: ShapeLike): number {
  return typeof card.props.hours === 'number' && Number.isFinite(card.props.hours) ? card.props.hours : 0
}

