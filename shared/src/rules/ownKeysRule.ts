import { PEOPLE_ROOT, RATINGS_ROOT, VOTES_ROOT } from '../doc/roots'
import { storedPersonWrite } from '../doc/people'
import { parsePersonKey } from '../session/personKey'
import { isRating } from '../session/ratings'
import { readDots } from '../session/votes'
import { LEVEL_PERSON_KEYED_ROOTS } from './levelRules'
import { short } from '../wire/fieldPaths'
import { refuse, type Refusal, type Writer } from './writer'

// Maps that everyone writes at once keep one key per person (docs/architecture.md): each person writes only
// their own keys, with values of the documented shape. The facilitator may also clear anyone's
// votes and ratings (a new voting round starts empty), but never writes them.

const RULE = 'own-keys'

export interface PersonKeyedRoot {
  /** The person a key belongs to, or null when the key is malformed. */
  ownerOf(key: string): string | null
  isValid(value: unknown): boolean
  /** The facilitator may delete anyone's keys. */
  facilitatorClears: boolean
}

/** The roots whose keys each belong to one person. A new per-person map is one row here. */
const PERSON_KEYED_ROOTS: Readonly<Record<string, PersonKeyedRoot>> = {
  [PEOPLE_ROOT]: { ownerOf: (key) => key, isValid: (value) => storedPersonWrite.isValid(value), facilitatorClears: false },
  [VOTES_ROOT]: { ownerOf: (key) => parsePersonKey(key)?.personId ?? null, isValid: (value) => readDots(value) > 0, facilitatorClears: true },
  [RATINGS_ROOT]: { ownerOf: (key) => parsePersonKey(key)?.personId ?? null, isValid: isRating, facilitatorClears: true },
  ...LEVEL_PERSON_KEYED_ROOTS,
}

/** Null when `writer` may set `root[key]` to `value` (`undefined`: delete it). */
export function checkOwnKey(writer: Writer, root: string, key: string, value: unknown): Refusal | null {
  const rules = PERSON_KEYED_ROOTS[root]
  if (!rules) return null
  const owner = rules.ownerOf(key)
  if (value === undefined && writer.role === 'facilitator' && rules.facilitatorClears) return null
  if (owner !== writer.personId) return refuse(RULE, `${root}: ${short(key)} belongs to someone else`)
  return value === undefined || rules.isValid(value) ? null : refuse(RULE, `${root}: ${invalidValue(key)}`)
}

/**
 * What is wrong with `root[key]` holding `value` whoever wrote it, or null (also for a root whose
 * keys are not per person). A board file's entries are checked with it too.
 */
export function personKeyedEntryProblem(root: string, key: string, value: unknown): string | null {
  const rules = Object.hasOwn(PERSON_KEYED_ROOTS, root) ? PERSON_KEYED_ROOTS[root] : null
  if (!rules) return null
  if (rules.ownerOf(key) === null) return `${short(key)} names no person`
  return rules.isValid(value) ? null : invalidValue(key)
}

const invalidValue = (key: string): string => `invalid value for ${short(key)}`
