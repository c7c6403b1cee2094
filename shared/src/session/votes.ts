import * as Y from 'yjs'
import { parsePersonKey, personKey } from './personKey'
import { zoneOpenForVoting, type VotingRound } from './votingRound'

// Dot votes: the `votes` root maps `<card id>/<person id>` to that person's dots on that card.
// Rounds are not in the keys: the design's format is kept so the summary and exporters read
// votes as they are, and opening a new round clears the old votes (startVotingRound.ts).

/** The plain `votes` root (`map.toJSON()`); values that are not positive integers count as 0. */
export type PlainVotes = Readonly<Record<string, unknown>>

export interface Vote {
  cardId: string
  personId: string
}

export interface RankedCard {
  cardId: string
  dots: number
  /** 1 for the most dots; cards with equal dots share a rank (1, 1, 3). */
  rank: number
}

export interface VoterDots {
  personId: string
  dots: number
}

export type VoteCheck =
  | { ok: true }
  | { ok: false; reason: 'round-not-open' | 'zone-not-open' | 'no-dots-left'; message: string }

export function voteKey(cardId: string, personId: string): string {
  return personKey(cardId, personId)
}

export function parseVoteKey(key: string): Vote | null {
  const parts = parsePersonKey(key)
  return parts && { cardId: parts.subject, personId: parts.personId }
}

/** The dots a stored value stands for: a positive whole number, anything else is none. */
export function readDots(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : 0
}

/** Every valid vote with its dots. */
export function readVotes(votes: PlainVotes): Array<Vote & { dots: number }> {
  const list: Array<Vote & { dots: number }> = []
  for (const [key, value] of Object.entries(votes)) {
    const vote = parseVoteKey(key)
    const dots = readDots(value)
    if (vote && dots > 0) list.push({ ...vote, dots })
  }
  return list
}

/** The dots one person has put on one card. */
export function dotsOnCard(votes: PlainVotes, cardId: string, personId: string): number {
  const key = voteKey(cardId, personId)
  return Object.hasOwn(votes, key) ? readDots(votes[key]) : 0
}

/** The dots one person has put on all cards. */
export function dotsUsed(votes: PlainVotes, personId: string): number {
  return readVotes(votes).reduce((sum, vote) => (vote.personId === personId ? sum + vote.dots : sum), 0)
}

export function dotsLeft(votes: PlainVotes, personId: string, round: VotingRound): number {
  return Math.max(0, round.dotsPerPerson - dotsUsed(votes, personId))
}

/** Whether a person may add a dot to a card lying in zone `cardZoneId` (null: in no zone). */
export function canVote(args: { round: VotingRound; votes: PlainVotes; personId: string; cardZoneId: string | null }): VoteCheck {
  const { round, votes, personId, cardZoneId } = args
  if (round.status !== 'open') return { ok: false, reason: 'round-not-open', message: 'Voting is not open.' }
  if (!zoneOpenForVoting(round, cardZoneId)) {
    return { ok: false, reason: 'zone-not-open', message: 'Cards in this part of the board are not part of this vote.' }
  }
  if (dotsLeft(votes, personId, round) === 0) {
    return { ok: false, reason: 'no-dots-left', message: 'You have used all your dots. Remove one to vote again.' }
  }
  return { ok: true }
}

/** Whether a person may take a dot back from a card: while the round is open, their own dots only. */
export function canRemoveDot(args: { round: VotingRound; votes: PlainVotes; personId: string; cardId: string }): boolean {
  return args.round.status === 'open' && dotsOnCard(args.votes, args.cardId, args.personId) > 0
}

/** Adds one dot of `personId` to a card, in that person's own key. Check canVote first. */
export function addDot(votes: Y.Map<unknown>, cardId: string, personId: string): void {
  const key = voteKey(cardId, personId)
  votes.set(key, readDots(votes.get(key)) + 1)
}

/** Takes one dot of `personId` back from a card; the key goes when no dot is left. */
export function removeDot(votes: Y.Map<unknown>, cardId: string, personId: string): void {
  const key = voteKey(cardId, personId)
  const dots = readDots(votes.get(key))
  if (dots > 1) votes.set(key, dots - 1)
  else if (votes.has(key)) votes.delete(key)
}

/** Total dots per card id. */
export function tallyVotes(votes: PlainVotes): Map<string, number> {
  const totals = new Map<string, number>()
  for (const { cardId, dots } of readVotes(votes)) totals.set(cardId, (totals.get(cardId) ?? 0) + dots)
  return totals
}

/**
 * The cards in `cardIds` (the cards still on the board that were open to the vote), most dots
 * first; equal dots keep the order of `cardIds` and share a rank. Votes on other cards are ignored.
 */
export function ranking(votes: PlainVotes, cardIds: readonly string[]): RankedCard[] {
  const totals = tallyVotes(votes)
  const sorted = [...new Set(cardIds)]
    .map((cardId) => ({ cardId, dots: totals.get(cardId) ?? 0 }))
    .sort((a, b) => b.dots - a.dots)
  return sorted.map((card) => ({ ...card, rank: 1 + sorted.filter((other) => other.dots > card.dots).length }))
}

/** Who put how many dots on each card, most dots first; null when the round is anonymous. */
export function votersByCard(votes: PlainVotes, round: VotingRound): Map<string, VoterDots[]> | null {
  if (round.anonymous) return null
  const byCard = new Map<string, VoterDots[]>()
  for (const { cardId, personId, dots } of readVotes(votes)) {
    byCard.set(cardId, [...(byCard.get(cardId) ?? []), { personId, dots }])
  }
  for (const voters of byCard.values()) voters.sort((a, b) => b.dots - a.dots || a.personId.localeCompare(b.personId))
  return byCard
}
