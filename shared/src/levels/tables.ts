import { T } from '@tldraw/validate'
import { isObject } from '../board/shapeLike'
import { expectDistinct, jsonObject, storedId } from '../wire/validation'

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

/** A table id: also half of a person key (`<subject>/<person>`), so it holds no "/". */
export const storedTableId = storedId.check((id) => {
  if (id.includes('/')) throw new T.ValidationError('Expected a table id without "/"')
})

const tableName = T.string.check((name) => {
  if (name.trim() !== name || name.length === 0 || name.length > MAX_TABLE_NAME) {
    throw new T.ValidationError(`Expected a trimmed name of 1 to ${MAX_TABLE_NAME} characters, got ${name.length}`)
  }
})

const tableColour = T.string.check((colour) => {
  if (!/^#[0-9a-f]{6}$/i.test(colour)) throw new T.ValidationError('Expected a #rrggbb colour')
})

const tableDef: T.Validator<TableDef> = T.object({ id: storedTableId, name: tableName, colour: tableColour })

/** `session.tables`: none (one room) or MIN_TABLES to MAX_TABLES, each id and name (in any case) once. */
export const storedTables: T.Validator<TableDef[]> = T.arrayOf(tableDef).check((tables) => {
  expectDistinct(tables.map((t) => t.id), 'table id')
  expectDistinct(tables.map((t) => t.name.toLowerCase()), 'table name')
  if (tables.length !== 0 && (tables.length < MIN_TABLES || tables.length > MAX_TABLES)) {
    throw new T.ValidationError(`Expected no tables or ${MIN_TABLES} to ${MAX_TABLES}, got ${tables.length}`)
  }
})

/**
 * The tables with one renamed and recoloured (the facilitator's settings after the split), or null
 * when the result is not `storedTables` (the name empty, too long or another table's, the colour
 * not #rrggbb) or there is no such table.
 */
export function renameTable(tables: readonly TableDef[], id: string, name: string, colour: string): TableDef[] | null {
  if (!tables.some((t) => t.id === id)) return null
  const renamed = tables.map((t) => (t.id === id ? { id, name: name.trim(), colour } : t))
  return storedTables.isValid(renamed) ? renamed : null
}

/** person id → table id. */
export type Seating = Record<string, string>

/** `session.seating`: person id → the table the facilitator seated them at. */
export const storedSeating: T.Validator<Seating> = jsonObject(T.dict(storedId, storedTableId))

export function isTableId(value: unknown): value is string {
  return storedTableId.isValid(value)
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
