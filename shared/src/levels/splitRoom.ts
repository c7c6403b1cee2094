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

/**
 * The plan, or null on a board without zones to copy (the facilitator adds a template's zones
 * first). Throws for a count outside 2–12, which the form checks before.
 */
export function planSplit(options: SplitOptions): SplitPlan | null {
  const tables = makeTables(options.count, options.tableId, options.tableName)
  const zones = tableZoneCopies(options.records, tables, options)
  return zones.length === 0 ? null : { tables, ...planSeating(options.mode, options.people, tables, options.random), zones }
}

/**
 * Where everyone sits, for a split or a re-seat of the same tables (their zones and cards stay as
 * they are): at random, nobody yet (by hand), or nobody until each picks. Every earlier pick is
 * dropped by the caller, so a re-seat starts afresh.
 */
export function planSeating(
  mode: SeatingMode,
  people: readonly Seatable[],
  tables: readonly TableDef[],
  random: () => number,
): Pick<SplitPlan, 'seating' | 'tablePicking'> {
  return { seating: mode === 'random' ? seatAtRandom(people, tables, random) : {}, tablePicking: mode === 'pick' }
}
