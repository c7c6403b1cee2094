import { Result } from '@tldraw/utils'
import { T } from '@tldraw/validate'
import * as Y from 'yjs'
import { storedCriteria, DEFAULT_CRITERIA } from './criteria'
import { storedFollowRequest } from './follow'
import { readableLocks, storedLocks } from './locks'
import { DEFAULT_PHASE, storedPhase } from './phases'
import { DEFAULT_PROJECTOR_VIEW, storedProjectorView } from './projectorView'
import { SESSION_KEYS, type SessionKey, type SessionState } from './sessionKeys'
import { DEFAULT_TARGETS, storedTargets } from './targets'
import { DEFAULT_TIMER, storedTimer } from './timer'
import { DEFAULT_VOTING_ROUND, storedVotingRound } from './votingRound'
import { DEFAULT_BUDGET_ROUND, storedBudgetRound } from '../levels/budgets'
import { storedComparisonLinks } from '../levels/comparisonLinks'
import { DEFAULT_DRAFTING, storedDraftingRound } from '../levels/drafting'
import { storedSeating, storedTables, type SeatingState } from '../levels/tables'
import { storedTemplateRules } from '../templates/template'
import { fieldPrefix } from '../wire/fieldPaths'
import { validateInput } from '../wire/validation'

// The facilitation state of a board, read from the plain `session` map. Reading is forgiving (an
// older or buggy client's value falls back to the default, so the board always works); writing
// is strict (only a value that reads back unchanged is written), here and on the server, which
// refuses any other session write (sessionWriteProblem).

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

/** Each key's validator, in the module that owns the value: what a stored value must be to be read. */
const VALIDATORS: { [K in SessionKey]: T.Validatable<SessionState[K]> } = {
  phase: storedPhase,
  voting: storedVotingRound,
  timer: storedTimer,
  targets: storedTargets,
  locks: storedLocks,
  follow: storedFollowRequest,
  criteria: storedCriteria,
  anonymous: T.boolean,
  ratingsOpen: T.boolean.nullable(),
  projectorView: storedProjectorView,
  drafting: storedDraftingRound,
  tables: storedTables,
  seating: storedSeating,
  tableEditing: T.boolean,
  tablePicking: T.boolean,
  budget: storedBudgetRound,
  comparisonLinks: storedComparisonLinks,
  participantsAdopt: T.boolean,
}

/** Keys read more forgivingly than written: a stored map keeps its well-formed entries. */
const READERS: { [K in SessionKey]?: T.Validatable<SessionState[K]> } = {
  locks: readableLocks,
}

const SESSION_KEY_NAMES = Object.keys(VALIDATORS) as SessionKey[]

/** The value stored under `key` (undefined when absent) as it reads, or its default when absent or invalid. */
export function readStoredSessionValue<K extends SessionKey>(key: K, stored: unknown): SessionState[K] {
  // Most keys are absent from most boards, and the write rules read several on every write:
  // refusing undefined through a validator throws, which costs far more than the check.
  if (stored === undefined) return DEFAULT_SESSION[key]
  const read = validateInput<SessionState[K]>(READERS[key] ?? VALIDATORS[key], stored)
  return read.ok ? read.value : DEFAULT_SESSION[key]
}

/** One key of the session from the plain map, or its default. */
export function readSessionValue<K extends SessionKey>(plain: Readonly<Record<string, unknown>>, key: K): SessionState[K] {
  return readStoredSessionValue(key, Object.hasOwn(plain, SESSION_KEYS[key]) ? plain[SESSION_KEYS[key]] : undefined)
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
  const problem = sessionWriteProblem(SESSION_KEYS[key], plain)
  if (problem) throw new Error(`Invalid value for session "${key}": ${problem}`)
  map.set(SESSION_KEYS[key], plain)
}

/** Every key the session may hold, with its validator: facilitation's, and the template rules the summary reads. */
const STORED_VALIDATORS: ReadonlyMap<string, T.Validatable<unknown>> = new Map<string, T.Validatable<unknown>>([
  ...SESSION_KEY_NAMES.map((key): [string, T.Validatable<unknown>] => [SESSION_KEYS[key], VALIDATORS[key]]),
  [SESSION_KEYS.rules, storedTemplateRules],
])

/**
 * The plain `value` under the stored session key `storedKey` as every client reads it, or what is
 * wrong with it (`at`: where the value sits, for the message). A key without a validator is
 * refused: no client would read it, and it would outlive every format migration.
 */
export function readStoredSessionKey(storedKey: string, value: unknown, at: readonly string[] = []): Result<unknown, string> {
  const validator = STORED_VALIDATORS.get(storedKey)
  return validator ? validateInput<unknown>(validator, value, at) : Result.err(`${fieldPrefix(at)}is not a session key`)
}

/**
 * What is wrong with writing the plain `value` under the stored session key `storedKey`, or null
 * when it reads back unchanged. Removing a key (undefined) is fine, even one no client reads.
 */
export function sessionWriteProblem(storedKey: string, value: unknown): string | null {
  if (value === undefined) return null
  const read = readStoredSessionKey(storedKey, value)
  if (!read.ok) return read.error
  return canonicalJson(read.value) === canonicalJson(value) ? null : 'does not read back as written'
}

/** JSON with object keys sorted, so two equal values compare equal whatever their key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  )
}
