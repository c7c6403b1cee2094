import { isObject } from '../board/shapeLike'
import { RECORDS_ROOT, SESSION_ROOT } from '../doc/roots'
import { lockedAncestorOrSelf } from '../session/locks'
import { SESSION_KEYS } from '../session/sessionKeys'
import { readStoredSessionValue } from '../session/sessionState'
import type { BoardView } from './boardChange'
import { short } from '../wire/fieldPaths'
import { refuse, type Refusal, type Writer } from './writer'

// A zone (or frame) the facilitator locked, and every record inside it, is facilitator-only:
// a participant can neither change what is there nor move something in or out.

const RULE = 'lock'

function lockHolding(board: BoardView, shapeId: string): string | null {
  const locks = readStoredSessionValue('locks', board.value(SESSION_ROOT, SESSION_KEYS.locks))
  if (Object.keys(locks).length === 0) return null
  return lockedAncestorOrSelf(locks, shapeId, (id) => {
    const record = board.value(RECORDS_ROOT, id)
    return isObject(record) && typeof record.type === 'string' && typeof record.parentId === 'string'
      ? { type: record.type, parentId: record.parentId }
      : undefined
  })
}

/** Null when `writer` may write record `key` given where it is before and after the write. */
export function checkLocks(writer: Writer, key: string, before: BoardView, after: BoardView): Refusal | null {
  if (writer.role === 'facilitator') return null
  const lock = lockHolding(before, key) ?? lockHolding(after, key)
  return lock === null ? null : refuse(RULE, `${short(key)} is in a zone the facilitator locked`)
}
