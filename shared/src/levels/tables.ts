import { isObject } from '../board/shapeLike'

// The room split into tables (docs/architecture.md, "Levels"). `session.tables` lists them,
// `session.seating` seats people by hand or at random, and when the facilitator lets people pick,
// each person's own `seatPicks` key says where they sat down. A zone belongs to a table when its
// `meta.tableId` names one; zones without it are the plenary's.

export interface TableDef {
  /** Stable id, also written into each of the table's zones as `meta.tableId`. */
  id: string
  name: string
  /** CSS colour of the table's badge and zone headers. */
  colour: string
}

export const MIN_TABLES = 2
export const MAX_TABLES = 12
/** Readable on white and on the zone header, one per table in order. */
export const TABLE_COLOURS: readonly string[] = [
  '#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf',
  '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#393b79', '#637939',
]

/** `count` tables named "Table 1"… (or `names`), with ids from `newId`. Throws outside 2–12. */
export function makeTables(count: number, newId: (order: number) => string, name: (order: number) => string): TableDef[] {
  if (!Number.isInteger(count) || count < MIN_TABLES || count > MAX_TABLES) {
    throw new Error(`A room splits into ${MIN_TABLES} to ${MAX_TABLES} tables`)
  }
  return Array.from({ length: count }, (_, order) => ({ id: newId(order), name: name(order), colour: TABLE_COLOURS[order] }))
}

/** The longest table name, so a badge and a zone header stay readable. */
export const MAX_TABLE_NAME = 40

/**
 * The tables with one renamed and recoloured (the facilitator's settings after the split), or null
 * when the name is empty, too long or another table's, or the colour not a #rrggbb colour.
 */
export function renameTable(tables: readonly TableDef[], id: string, name: string, colour: string): TableDef[] | null {
  const clean = name.trim()
  const taken = tables.some((t) => t.id !== id && t.name.trim().toLowerCase() === clean.toLowerCase())
  if (!clean || clean.length > MAX_TABLE_NAME || taken || !/^#[0-9a-f]{6}$/i.test(colour) || !tables.some((t) => t.id === id)) return null
  return tables.map((t) => (t.id === id ? { id, name: clean, colour } : t))
}

export function readTables(value: unknown): TableDef[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_TABLES) return undefined
  const tables = value.filter(
    (t): t is TableDef => isObject(t) && isTableId(t.id) && typeof t.name === 'string' && typeof t.colour === 'string',
  )
  if (tables.length !== value.length || new Set(tables.map((t) => t.id)).size !== tables.length) return undefined
  return tables.map(({ id, name, colour }) => ({ id, name, colour }))
}

/** person id → table id. */
export type Seating = Record<string, string>

export function readSeating(value: unknown): Seating | undefined {
  if (!isObject(value)) return undefined
  const entries = Object.entries(value)
  return entries.every(([, table]) => isTableId(table)) ? (Object.fromEntries(entries) as Seating) : undefined
}

export function isTableId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 64 && !value.includes('/')
}

export interface SeatingState {
  tables: readonly TableDef[]
  seating: Readonly<Seating>
  /** People may pick their own table (`seatPicks`). */
  tablePicking: boolean
}

/**
 * The table a person sits at, or null: the facilitator's seat first, else (while picking is on)
 * the person's own pick; a seat at a table that no longer exists is no seat.
 */
export function seatOf(state: SeatingState, picks: Readonly<Record<string, unknown>>, personId: string): string | null {
  const picked = state.tablePicking ? picks[personId] : undefined
  const table = state.seating[personId] ?? (typeof picked === 'string' ? picked : undefined)
  return table !== undefined && state.tables.some((t) => t.id === table) ? table : null
}

/** A zone's table id from its `meta`, or null for a plenary zone. */
export function zoneTableId(meta: unknown): string | null {
  return isObject(meta) && isTableId(meta.tableId) ? meta.tableId : null
}
