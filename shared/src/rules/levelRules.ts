import { BUDGETS_ROOT, DRAFT_DONE_ROOT, SEAT_PICKS_ROOT } from '../doc/roots'
import type { BoardView } from './boardChange'
import { BUDGETS_KEYS, checkBudgets } from './budgetRule'
import { checkDraftDone, DRAFT_DONE_KEYS } from './draftDoneRule'
import type { PersonKeyedRoot } from './ownKeysRule'
import { checkSeatPicks, SEAT_PICKS_KEYS } from './seatPickRule'
import type { Refusal, Writer } from './writer'

// The per-person roots of the levels (format 2): whose keys are whose (checked by ownKeysRule),
// and each root's check of the whole write against the board after it.

export const LEVEL_PERSON_KEYED_ROOTS: Readonly<Record<string, PersonKeyedRoot>> = {
  [BUDGETS_ROOT]: BUDGETS_KEYS,
  [SEAT_PICKS_ROOT]: SEAT_PICKS_KEYS,
  [DRAFT_DONE_ROOT]: DRAFT_DONE_KEYS,
}

type RootCheck = (writer: Writer, keys: Iterable<[string, unknown]>, after: BoardView) => Refusal | null

const CHECKS: Readonly<Record<string, RootCheck>> = {
  [BUDGETS_ROOT]: checkBudgets,
  [SEAT_PICKS_ROOT]: checkSeatPicks,
  [DRAFT_DONE_ROOT]: checkDraftDone,
}

/** Null when the keys `writer` wrote in a levels root are allowed on the board `after` the write. */
export function checkLevelRoot(writer: Writer, root: string, keys: Iterable<[string, unknown]>, after: BoardView): Refusal | null {
  return Object.hasOwn(CHECKS, root) ? CHECKS[root](writer, keys, after) : null
}
