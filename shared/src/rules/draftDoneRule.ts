import { SESSION_ROOT } from '../doc/roots'
import { readSessionValue } from '../session/sessionState'
import type { BoardView } from './boardChange'
import type { PersonKeyedRoot } from './ownKeysRule'
import { refuse, type Refusal, type Writer } from './writer'

// "I'm done" is said in one's own key, for the drafting round that is open.

const RULE = 'draft-done'

/** Whose keys are whose in `DRAFT_DONE_ROOT`. */
export const DRAFT_DONE_KEYS: PersonKeyedRoot = { ownerOf: (key) => key, isValid: (value) => typeof value === 'string', facilitatorClears: true }

export function checkDraftDone(writer: Writer, keys: Iterable<[string, unknown]>, after: BoardView): Refusal | null {
  const round = readSessionValue(after.entries(SESSION_ROOT), 'drafting')
  for (const [key, value] of keys) {
    if (key !== writer.personId || value === undefined) continue
    if (round.status !== 'open' || value !== round.roundId) return refuse(RULE, 'no drafting round is open')
  }
  return null
}
