import type { FollowRequest } from './follow'
import type { Locks } from './locks'
import type { PhaseNumber } from './phases'
import type { ProjectorView } from './projectorView'
import type { SessionTargets } from './targets'
import type { TimerState } from './timer'
import type { VotingRound } from './votingRound'
import type { BudgetRound } from '../levels/budgets'
import type { DraftingRound } from '../levels/drafting'
import type { Seating, TableDef } from '../levels/tables'

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
  // Levels (format 2, shared/src/levels/).
  drafting: 'drafting',
  tables: 'tables',
  seating: 'seating',
  tableEditing: 'tableEditing',
  tablePicking: 'tablePicking',
  budget: 'budget',
  comparisonLinks: 'comparisonLinks',
  participantsAdopt: 'participantsAdopt',
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
  /** The private drafting round. */
  drafting: DraftingRound
  /** The tables the room is split into; empty: one room. */
  tables: readonly TableDef[]
  /** person id → table id, as the facilitator seated them. */
  seating: Seating
  /** People write only their own table's zones and cards (the server enforces it). */
  tableEditing: boolean
  /** People may pick their own table (`seatPicks` root). */
  tablePicking: boolean
  /** The hour-budget round. */
  budget: BudgetRound
  /** Groups of content card ids the facilitator lined up as the same content in the comparison. */
  comparisonLinks: readonly (readonly string[])[]
  /** While the room sits at tables, participants may write the plenary's zones (adopt cards into them); off, only the facilitator does. */
  participantsAdopt: boolean
}
