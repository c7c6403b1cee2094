import { readShapes, type ShapeLike } from '../board/shapeLike'
import { isCardType } from '../cards/cardTypes'
import { RECORDS_ROOT, SESSION_ROOT, VOTES_ROOT } from '../doc/roots'
import { readSessionValue } from '../session/sessionState'
import { dotsUsed, parseVoteKey } from '../session/votes'
import { zoneOpenForVoting, type VotingRound } from '../session/votingRound'
import { zoneIndex, zoneOfCard, type ZoneIndex } from '../summary/zoneMembership'
import type { BoardView } from './boardChange'
import { refuse, type Refusal, type Writer } from './writer'

// Dots are placed and taken back only while a round is open, on cards that exist (never on a zone
// or another shape) in the zones the round is about, and nobody holds more dots than the round
// gives. The facilitator clearing the votes is not voting.

const RULE = 'votes'

/** Null when the votes `writer` changed (`keys`) are allowed on the board `after` the write. */
export function checkVotes(writer: Writer, keys: Iterable<[string, unknown]>, after: BoardView): Refusal | null {
  const round = readSessionValue(after.entries(SESSION_ROOT), 'voting')
  const zoneOf = cardZones(after)
  let voted = false
  for (const [key, value] of keys) {
    const vote = parseVoteKey(key)
    if (!vote || vote.personId !== writer.personId) continue
    voted = true
    if (round.status !== 'open') return refuse(RULE, 'voting is not open')
    if (value !== undefined) {
      const refusal = checkVotable(round, vote.cardId, after, zoneOf)
      if (refusal) return refusal
    }
  }
  if (voted && dotsUsed(after.entries(VOTES_ROOT), writer.personId) > round.dotsPerPerson) {
    return refuse(RULE, `this round gives ${round.dotsPerPerson} dots per person`)
  }
  return null
}

/** Null when the round lets people put dots on `cardId`: a card on the board, in a zone the round is about. */
function checkVotable(round: VotingRound, cardId: string, after: BoardView, zoneOf: (card: ShapeLike) => string | null): Refusal | null {
  const [card] = readShapes([after.value(RECORDS_ROOT, cardId)])
  if (!card || !isCardType(card.type)) return refuse(RULE, 'votes go on cards that exist')
  if (round.zoneIds.length === 0) return null
  return zoneOpenForVoting(round, zoneOf(card)) ? null : refuse(RULE, 'this round is not about the zone that card is in')
}

/** Which zone a card is in on the board `after`; the board's shapes are read once, on first use, for every dot of a write. */
function cardZones(after: BoardView): (card: ShapeLike) => string | null {
  let index: ZoneIndex | null = null
  return (card) => {
    index ??= zoneIndex(readShapes(Object.values(after.entries(RECORDS_ROOT))))
    return zoneOfCard(card, index.zones, index.byId)?.id ?? null
  }
}
