import { T } from '@tldraw/validate'
import { expectDistinct, storedId } from '../wire/validation'

// A dot-voting round, set by the facilitator in `session.voting`. Life of a round:
// closed → open (participants vote, results hidden) → revealed (ranking shown) → closed or a
// new open round. Opening a round clears the `votes` root (startVotingRound.ts).

export type VotingStatus = 'closed' | 'open' | 'revealed'

export interface VotingRound {
  status: VotingStatus
  dotsPerPerson: number
  /** Zones whose cards can be voted on; empty means every card. */
  zoneIds: string[]
  /** When true, nobody sees who put which dots. */
  anonymous: boolean
  /** New for each opened round; null before the first one. */
  roundId: string | null
}

export const DEFAULT_DOTS_PER_PERSON = 5
export const MAX_DOTS_PER_PERSON = 50

export const DEFAULT_VOTING_ROUND: VotingRound = {
  status: 'closed',
  dotsPerPerson: DEFAULT_DOTS_PER_PERSON,
  zoneIds: [],
  anonymous: false,
  roundId: null,
}

export interface VotingRoundOptions {
  dotsPerPerson?: number
  zoneIds?: readonly string[]
  anonymous?: boolean
}

export const DOTS_PER_PERSON_MESSAGE = `Dots per person must be a whole number from 1 to ${MAX_DOTS_PER_PERSON}`

/** A new open round. Throws with a user-facing message for an invalid number of dots. */
export function openVotingRound(options: VotingRoundOptions, roundId: string): VotingRound {
  const dotsPerPerson = options.dotsPerPerson ?? DEFAULT_DOTS_PER_PERSON
  if (!isDotsPerPerson(dotsPerPerson)) throw new Error(DOTS_PER_PERSON_MESSAGE)
  if (!roundId) throw new Error('A voting round needs a round id')
  return { status: 'open', dotsPerPerson, zoneIds: [...new Set(options.zoneIds ?? [])], anonymous: options.anonymous ?? false, roundId }
}

/** Ends voting and shows the ranking; only an open round can be revealed. */
export function revealVotingRound(round: VotingRound): VotingRound {
  return round.status === 'open' ? { ...round, status: 'revealed' } : round
}

/** Ends the round (open or revealed) and hides its results; the votes stay until the next round. */
export function closeVotingRound(round: VotingRound): VotingRound {
  return { ...round, status: 'closed' }
}

export function resultsVisible(round: VotingRound): boolean {
  return round.status === 'revealed'
}

/** Whether a card in zone `zoneId` (null: in no zone) can get dots in this round. */
export function zoneOpenForVoting(round: VotingRound, zoneId: string | null): boolean {
  return round.zoneIds.length === 0 || (zoneId !== null && round.zoneIds.includes(zoneId))
}

/** `session.voting`: dots as the voting form allows, each zone once, and a round id once opened. */
export const storedVotingRound: T.Validator<VotingRound> = T.object({
  status: T.literalEnum('closed', 'open', 'revealed'),
  dotsPerPerson: T.number.check((dots) => {
    if (!isDotsPerPerson(dots)) throw new T.ValidationError(`Expected a whole number of dots from 1 to ${MAX_DOTS_PER_PERSON}, got ${dots}`)
  }),
  zoneIds: T.arrayOf(storedId).check((ids) => expectDistinct(ids, 'zone id')),
  anonymous: T.boolean,
  roundId: storedId.nullable(),
}).check((round) => {
  if (round.status !== 'closed' && round.roundId === null) throw new T.ValidationError('Expected an open or revealed round to have a round id')
})

function isDotsPerPerson(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_DOTS_PER_PERSON
}
