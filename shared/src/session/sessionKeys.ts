import type { FollowRequest } from './follow'
import type { Locks } from './locks'
import type { PhaseNumber } from './phases'
import type { ProjectorView } from './projectorView'
import type { SessionTargets } from './targets'
import type { TimerState } from './timer'
import type { VotingRound } from './votingRound'

// Every key of the board's `session` map, and the type of each facilitation value. Each key holds
// one whole plain-JSON value (never a nested Yjs type), so the server can see a session write in
// an update, and two facilitator actions on different keys never conflict.

export const SESSION_KEYS = {
  phase: 'phase',
  voting: 'voting',
  timer: 'timer',
  /** `{ totalHours?: number }`: the design's targets, editable by the facilitator. */
  targets: 'targets',
  /** The template rules (`TemplateRule[]`) the summary checks; templates and the summary own it. */
  rules: 'rules',
  locks: 'locks',
  follow: 'follow',
  criteria: 'criteria',
  anonymous: 'anonymous',
  ratingsOpen: 'ratingsOpen',
  projectorView: 'projectorView',
} as const

/** The keys facilitation reads and writes through `readSessionValue`/`writeSessionValue`. */
export type SessionKey = keyof SessionState

export interface SessionState {
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
  /** Whether participants rate now, whatever the phase; null: as the phase suggests (phase 4). */
  ratingsOpen: boolean | null
  /** What the projector shows. */
  projectorView: ProjectorView
}
