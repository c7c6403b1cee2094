import * as Y from 'yjs'
import { readCriteria, DEFAULT_CRITERIA } from './criteria'
import { readFollowRequest } from './follow'
import { readLocks } from './locks'
import { DEFAULT_PHASE, readPhase } from './phases'
import { DEFAULT_PROJECTOR_VIEW, readProjectorView } from './projectorView'
import { SESSION_KEYS, type SessionKey, type SessionState } from './sessionKeys'
import { DEFAULT_TARGETS, readTargets } from './targets'
import { DEFAULT_TIMER, readTimer } from './timer'
import { DEFAULT_VOTING_ROUND, readVotingRound } from './votingRound'
import { DEFAULT_BUDGET_ROUND, readBudgetRound } from '../levels/budgets'
import { readComparisonLinks } from '../levels/comparisonLinks'
import { DEFAULT_DRAFTING, readDraftingRound } from '../levels/drafting'
import { readSeating, readTables, type SeatingState } from '../levels/tables'

// The facilitation state of a board, read from the plain `session` map. Reading is forgiving (an
// older or buggy client's value falls back to the default, so the board always works); writing
// is strict (only a value that reads back unchanged is written).

export const DEFAULT_SESSION: SessionState = {
  phase: DEFAULT_PHASE,
  voting: DEFAULT_VOTING_ROUND,
  timer: DEFAULT_TIMER,
  targets: DEFAULT_TARGETS,
  locks: {},
  follow: null,
  criteria: DEFAULT_CRITERIA,
  anonymous: false,
  ratingsOpen: null,
  projectorView: DEFAULT_PROJECTOR_VIEW,
  drafting: DEFAULT_DRAFTING,
  tables: [],
  seating: {},
  tableEditing: false,
  tablePicking: false,
  budget: DEFAULT_BUDGET_ROUND,
  comparisonLinks: [],
  participantsAdopt: false,
}

/** Each key's reader: the value as stored, cleaned, or undefined when unusable. */
const READERS: { [K in SessionKey]: (value: unknown) => SessionState[K] | undefined } = {
  phase: readPhase,
  voting: readVotingRound,
  timer: readTimer,
  targets: readTargets,
  locks: readLocks,
  follow: readFollowRequest,
  criteria: readCriteria,
  anonymous: readBoolean,
  ratingsOpen: (value) => (typeof value === 'boolean' || value === null ? value : undefined),
  projectorView: readProjectorView,
  drafting: readDraftingRound,
  tables: readTables,
  seating: readSeating,
  tableEditing: readBoolean,
  tablePicking: readBoolean,
  budget: readBudgetRound,
  comparisonLinks: readComparisonLinks,
  participantsAdopt: readBoolean,
}

function readBoolean(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined
}

const SESSION_KEY_NAMES = Object.keys(READERS) as SessionKey[]

/** One key of the session from the plain map, or its default. */
export function readSessionValue<K extends SessionKey>(plain: Readonly<Record<string, unknown>>, key: K): SessionState[K] {
  const stored = Object.hasOwn(plain, SESSION_KEYS[key]) ? plain[SESSION_KEYS[key]] : undefined
  return READERS[key](stored) ?? DEFAULT_SESSION[key]
}

/** Who sits where, from the plain `session` map (for seatOf). */
export function seatingStateOf(plain: Readonly<Record<string, unknown>>): SeatingState {
  return { tables: readSessionValue(plain, 'tables'), seating: readSessionValue(plain, 'seating'), tablePicking: readSessionValue(plain, 'tablePicking') }
}

/** The whole facilitation state from the plain `session` map (`map.toJSON()`). */
export function readSession(plain: Readonly<Record<string, unknown>>): SessionState {
  const state = {} as Record<SessionKey, unknown>
  for (const key of SESSION_KEY_NAMES) state[key] = readSessionValue(plain, key)
  return state as SessionState
}

/**
 * Writes one session value as plain JSON. Throws when the value is not valid as it stands (for
 * example a criterion with stray spaces: clean it with cleanCriterion first).
 */
export function writeSessionValue<K extends SessionKey>(map: Y.Map<unknown>, key: K, value: SessionState[K]): void {
  if (value === undefined) throw new Error(`Invalid value for session "${key}": undefined`)
  const plain: unknown = JSON.parse(JSON.stringify(value))
  const read = READERS[key](plain)
  if (read === undefined || canonicalJson(read) !== canonicalJson(plain)) {
    throw new Error(`Invalid value for session "${key}": ${JSON.stringify(value)}`)
  }
  map.set(SESSION_KEYS[key], plain)
}

/** JSON with object keys sorted, so two equal values compare equal whatever their key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  )
}
