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
// into or out of another table either. Once the room sits at tables, the plenary's zones and
// their cards are the facilitator's (they adopt cards into them) unless the facilitator lets
// participants adopt too (`session.participantsAdopt`). The open canvas is neither.

const RULE = 'table-editing'
const PLENARY_RULE = 'plenary-writing'

/**
 * The level of a record by its zone: its own (a zone's) or its nearest zone ancestor's table id,
 * null for a plenary zone, undefined outside every zone (or for no record).
 */
function levelOf(board: BoardView, id: string): string | null | undefined {
  const seen = new Set<string>()
  let current: unknown = board.value(RECORDS_ROOT, id)
  while (isObject(current) && current.typeName === 'shape' && !seen.has(String(current.id))) {
    seen.add(String(current.id))
    if (current.type === ZONE_TYPE) return zoneTableId(current.meta)
    current = typeof current.parentId === 'string' ? board.value(RECORDS_ROOT, current.parentId) : undefined
  }
  return undefined
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
  const tables = readSessionValue(session, 'tables')
  const written = [levelOf(before, key), levelOf(after, key)]
  if (tables.length > 0 && written.includes(null) && !readSessionValue(session, 'participantsAdopt')) {
    return refuse(PLENARY_RULE, `${short(key)}: the facilitator adopts cards into the plenary`)
  }
  if (!readSessionValue(session, 'tableEditing')) return null
  const state = { tables, seating: readSessionValue(session, 'seating'), tablePicking: readSessionValue(session, 'tablePicking') }
  const seat = seatOf(state, after.entries(SEAT_PICKS_ROOT), writer.personId)
  for (const table of written) {
    if (typeof table === 'string' && table !== seat) return refuse(RULE, `${short(key)} belongs to another table`)
  }
  return null
}
