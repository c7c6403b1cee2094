import { SESSION_KEYS } from '../doc/roots'
import type { FollowRequest } from './follow'
import type { Locks } from './locks'
import type { PhaseNumber } from './phases'
import type { SessionTargets } from './targets'
import type { TimerState } from './timer'
import type { VotingRound } from './votingRound'

// The keys of the board's `session` map that facilitation uses, and the type of each value.
// Each key holds one whole plain-JSON value (never a nested Yjs type), so the server can see a
// session write in an update, and two facilitator actions on different keys never conflict.
// `rules` (SESSION_KEYS.rules) also lives in `session`; templates and the summary own it.

export const SESSION_STATE_KEYS = {
  phase: 'phase',
  voting: 'voting',
  timer: 'timer',
  targets: SESSION_KEYS.targets,
  locks: 'locks',
  follow: 'follow',
  criteria: 'criteria',
  anonymous: 'anonymous',
} as const

export type SessionKey = keyof typeof SESSION_STATE_KEYS

export interface SessionValues {
  phase: PhaseNumber
  voting: VotingRound
  timer: TimerState
  targets: SessionTargets
  locks: Locks
  /** The latest "bring everyone here", null before the first. */
  follow: FollowRequest | null
  /** Criteria for the co-assessment ratings, in display order. */
  criteria: readonly string[]
  /** The board's exports leave out people's names (roles and counts stay). */
  anonymous: boolean
}
