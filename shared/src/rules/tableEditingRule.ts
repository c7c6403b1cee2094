import { isObject } from '../board/shapeLike'
import { ZONE_TYPE } from '../cards/zone/zone'
import { RECORDS_ROOT, SEAT_PICKS_ROOT, SESSION_ROOT } from '../doc/roots'
import { seatOf, zoneTableId } from '../levels/tables'
import { readSessionValue } from '../session/sessionState'
import type { BoardView } from './boardChange'
import { short } from './recordRule'
import { refuse, type Refusal, type Writer } from './writer'

// Which table a zone belongs to is the facilitator's to say. While the facilitator restricts
// editing to tables, a participant writes only records of their own table: a table's zones and
// everything inside them (by parent, like locks), before and after the write, so nothing moves
// into or out of another table either. The plenary and the open canvas are not a table.

const RULE = 'table-editing'

/** The table of a record: its own (a zone's) or its nearest zone ancestor's; null for none. */
function tableOf(board: BoardView, id: string): string | null {
  const seen = new Set<string>()
  let current: unknown = board.value(RECORDS_ROOT, id)
  while (isObject(current) && current.typeName === 'shape' && !seen.has(String(current.id))) {
    seen.add(String(current.id))
    if (current.type === ZONE_TYPE && zoneTableId(current.meta) !== null) return zoneTableId(current.meta)
    current = typeof current.parentId === 'string' ? board.value(RECORDS_ROOT, current.parentId) : undefined
  }
  return null
}

export function checkTableEditing(writer: Writer, key: string, before: BoardView, after: BoardView): Refusal | null {
  if (writer.role === 'facilitator') return null
  const previous = before.value(RECORDS_ROOT, key)
  const next = after.value(RECORDS_ROOT, key)
  const isZone = (record: unknown) => isObject(record) && record.type === ZONE_TYPE
  if ((isZone(previous) || isZone(next)) && zoneTableId(isObject(previous) ? previous.meta : null) !== zoneTableId(isObject(next) ? next.meta : null)) {
    return refuse(RULE, `${short(key)}: only the facilitator says which table a zone is`)
  }
  const session = after.entries(SESSION_ROOT)
  if (!readSessionValue(session, 'tableEditing')) return null
  const state = { tables: readSessionValue(session, 'tables'), seating: readSessionValue(session, 'seating'), tablePicking: readSessionValue(session, 'tablePicking') }
  const seat = seatOf(state, after.entries(SEAT_PICKS_ROOT), writer.personId)
  for (const table of [tableOf(before, key), tableOf(after, key)]) {
    if (table !== null && table !== seat) return refuse(RULE, `${short(key)} belongs to another table`)
  }
  return null
}
