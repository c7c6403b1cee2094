import { isObject } from '../board/shapeLike'
import { ZONE_TYPE } from '../cards/zone/zone'
import { RECORDS_ROOT, SEAT_PICKS_ROOT, SESSION_ROOT } from '../doc/roots'
import { seatOf, zoneTableId } from '../levels/tables'
import { readSessionValue, seatingStateOf } from '../session/sessionState'
import type { BoardView } from './boardChange'
import { short } from '../wire/fieldPaths'
import { refuse, type Refusal, type Writer } from './writer'

// Which table a zone belongs to is the facilitator's to say. While the facilitator restricts
// editing to tables, a participant writes only records of their own table: a table's zones and
// everything inside them (by parent, like locks), before and after the write, so nothing moves
// into or out of another table either. Once the room sits at tables, the plenary's zones and
// their cards are the facilitator's (they adopt cards into them) unless the facilitator lets
// participants adopt too (`session.participantsAdopt`). The open canvas is neither.

const RULE = 'table-editing'
const PLENARY_RULE = 'plenary-writing'

/** What a participant may write by level: the session's switches and their own seat. */
export interface LevelAccess {
  /** The room sits at tables. */
  split: boolean
  participantsAdopt: boolean
  tableEditing: boolean
  seat: string | null
}

export function levelAccess(session: Readonly<Record<string, unknown>>, seatPicks: Readonly<Record<string, unknown>>, personId: string): LevelAccess {
  const state = seatingStateOf(session)
  return {
    split: state.tables.length > 0,
    participantsAdopt: readSessionValue(session, 'participantsAdopt'),
    tableEditing: readSessionValue(session, 'tableEditing'),
    seat: seatOf(state, seatPicks, personId),
  }
}

/** Whether levelRefusal can refuse anything at all: before the split with table editing open, it never does. */
export function levelsRestrict(access: LevelAccess): boolean {
  return (access.split && !access.participantsAdopt) || access.tableEditing
}

/** Why a participant may not write a record at `level` (see zoneLevelOf), or null when they may. */
export function levelRefusal(access: LevelAccess, level: string | null | undefined): 'plenary' | 'table' | null {
  if (level === null && access.split && !access.participantsAdopt) return 'plenary'
  if (typeof level === 'string' && access.tableEditing && level !== access.seat) return 'table'
  return null
}

/**
 * The level of a record by its zone: its own (a zone's) or its nearest zone ancestor's table id,
 * null for a plenary zone, undefined outside every zone (or for no record). `lookup` reads a
 * record by id: the board's on the server, the editor's in a participant's browser.
 */
export function zoneLevelOf(lookup: (id: string) => unknown, id: string): string | null | undefined {
  const seen = new Set<string>()
  let current: unknown = lookup(id)
  while (isObject(current) && current.typeName === 'shape' && !seen.has(String(current.id))) {
    seen.add(String(current.id))
    if (current.type === ZONE_TYPE) return zoneTableId(current.meta)
    current = typeof current.parentId === 'string' ? lookup(current.parentId) : undefined
  }
  return undefined
}

const isZone = (record: unknown): boolean => isObject(record) && record.type === ZONE_TYPE

export function checkTableEditing(writer: Writer, key: string, before: BoardView, after: BoardView): Refusal | null {
  if (writer.role === 'facilitator') return null
  const previous = before.value(RECORDS_ROOT, key)
  const next = after.value(RECORDS_ROOT, key)
  if ((isZone(previous) || isZone(next)) && zoneTableId(isObject(previous) ? previous.meta : null) !== zoneTableId(isObject(next) ? next.meta : null)) {
    return refuse(RULE, `${short(key)}: only the facilitator says which table a zone is`)
  }
  const access = levelAccess(after.entries(SESSION_ROOT), after.entries(SEAT_PICKS_ROOT), writer.personId)
  // Most boards restrict nothing by level: no need to walk every written record's parents.
  if (!levelsRestrict(access)) return null
  for (const board of [before, after]) {
    const refusal = levelRefusal(access, zoneLevelOf((id) => board.value(RECORDS_ROOT, id), key))
    if (refusal === 'plenary') return refuse(PLENARY_RULE, `${short(key)}: the facilitator adopts cards into the plenary`)
    if (refusal === 'table') return refuse(RULE, `${short(key)} belongs to another table`)
  }
  return null
}
