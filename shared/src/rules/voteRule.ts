import { isObject } from '../board/shapeLike'
import { RECORDS_ROOT, SESSION_ROOT, VOTES_ROOT } from '../doc/roots'
import { readSessionValue } from '../session/sessionState'
import { dotsUsed, parseVoteKey } from '../session/votes'
import type { BoardView } from './boardChange'
import { refuse, type Refusal, type Writer } from './writer'

// Dots are placed and taken back only while a round is open, on cards that exist, and nobody
// holds more dots than the round gives. The facilitator clearing the votes is not voting.

const RULE = 'votes'

/** Null when the votes `writer` changed (`keys`) are allowed on the board `after` the write. */
export function checkVotes(writer: Writer, keys: Iterable<[string, unknown]>, after: BoardView): Refusal | null {
  const round = readSessionValue(after.entries(SESSION_ROOT), 'voting')
  let voted = false
  for (const [key, value] of keys) {
    const vote = parseVoteKey(key)
    if (!vote || vote.personId !== writer.personId) continue
    voted = true
    if (round.status !== 'open') return refuse(RULE, 'voting is not open')
    const card = after.value(RECORDS_ROOT, vote.cardId)
    if (value !== undefined && !(isObject(card) && card.typeName === 'shape')) return refuse(RULE, 'votes go on cards that exist')
  }
  if (voted && dotsUsed(after.entries(VOTES_ROOT), writer.personId) > round.dotsPerPerson) {
    return refuse(RULE, `this round gives ${round.dotsPerPerson} dots per person`)
  }
  return null
}
