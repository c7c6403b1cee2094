import { isObject } from '../board/shapeLike'
import { CONTENT_CARD_TYPE } from '../cards/content/contentCard'
import { BUDGETS_ROOT, RECORDS_ROOT, SESSION_ROOT } from '../doc/roots'
import { hoursUsed, readBudgetHours } from '../levels/budgets'
import { parsePersonKey } from '../session/personKey'
import { readSessionValue } from '../session/sessionState'
import type { BoardView } from './boardChange'
import type { PersonKeyedRoot } from './ownKeysRule'
import { refuse, type Refusal, type Writer } from './writer'

// A budget ballot is cast only while a round is open, on content cards that exist, and nobody
// spends more hours than the round's target: a ballot over the target is refused whole.

const RULE = 'budgets'

/** Whose keys are whose in `BUDGETS_ROOT`. */
export const BUDGETS_KEYS: PersonKeyedRoot = { ownerOf: (key) => parsePersonKey(key)?.personId ?? null, isValid: (value) => readBudgetHours(value) > 0, facilitatorClears: true }

/** Null when the ballot entries `writer` changed (`keys`) are allowed on the board `after` the write. */
export function checkBudgets(writer: Writer, keys: Iterable<[string, unknown]>, after: BoardView): Refusal | null {
  const round = readSessionValue(after.entries(SESSION_ROOT), 'budget')
  let cast = false
  for (const [key, value] of keys) {
    const entry = parsePersonKey(key)
    if (!entry || entry.personId !== writer.personId) continue
    cast = true
    if (round.status !== 'open') return refuse(RULE, 'no budget round is open')
    const card = after.value(RECORDS_ROOT, entry.subject)
    if (value !== undefined && !(isObject(card) && card.type === CONTENT_CARD_TYPE)) return refuse(RULE, 'hours go on content cards that exist')
  }
  if (cast && hoursUsed(after.entries(BUDGETS_ROOT), writer.personId) > round.targetHours) {
    return refuse(RULE, `this round gives ${round.targetHours} h per person`)
  }
  return null
}
