import { SESSION_ROOT } from '../doc/roots'
import { isTableId } from '../levels/tables'
import { readSessionValue } from '../session/sessionState'
import type { BoardView } from './boardChange'
import type { PersonKeyedRoot } from './ownKeysRule'
import { refuse, type Refusal, type Writer } from './writer'

// People pick their own table only while the facilitator lets them, and only a table that exists.

const RULE = 'seat-picks'

/** Whose keys are whose in `SEAT_PICKS_ROOT`. */
export const SEAT_PICKS_KEYS: PersonKeyedRoot = { ownerOf: (key) => key, isValid: isTableId, facilitatorClears: true }

export function checkSeatPicks(writer: Writer, keys: Iterable<[string, unknown]>, after: BoardView): Refusal | null {
  const session = after.entries(SESSION_ROOT)
  for (const [key, value] of keys) {
    if (key !== writer.personId || value === undefined) continue
    if (!readSessionValue(session, 'tablePicking')) return refuse(RULE, 'the facilitator seats people at the tables')
    if (!readSessionValue(session, 'tables').some((t) => t.id === value)) return refuse(RULE, 'there is no such table')
  }
  return null
}
