import type { TLShape } from '@tldraw/tlschema'
import { seatAtRandom, type Seatable } from './seating'
import { makeTables, type Seating, type TableDef } from './tables'
import { tableZoneCopies, type TableZoneOptions } from './tableZones'

// Splitting the room, as one plan the facilitator's client writes (session keys and new zones):
// the tables, where everyone sits, and each table's copy of the plenary's zones.

/** by hand: nobody seated yet (the facilitator seats people); pick: people choose; random: balanced by role. */
export type SeatingMode = 'hand' | 'pick' | 'random'

export interface SplitPlan {
  tables: TableDef[]
  seating: Seating
  tablePicking: boolean
  zones: TLShape[]
}

export interface SplitOptions extends TableZoneOptions {
  count: number
  mode: SeatingMode
  /** The participants to seat (the facilitator is not seated). */
  people: readonly Seatable[]
  records: readonly unknown[]
  random: () => number
  tableId: (order: number) => string
  tableName: (order: number) => string
}

/** Throws (with a message for the facilitator) for a count outside 2–12 or a board without zones. */
export function planSplit(options: SplitOptions): SplitPlan {
  const tables = makeTables(options.count, options.tableId, options.tableName)
  return {
    tables,
    seating: options.mode === 'random' ? seatAtRandom(options.people, tables, options.random) : {},
    tablePicking: options.mode === 'pick',
    zones: tableZoneCopies(options.records, tables, options),
  }
}
