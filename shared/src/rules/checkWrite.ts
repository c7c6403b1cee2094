import type { TLSchema } from '@tldraw/tlschema'
import { META_KEYS, META_ROOT, PEOPLE_ROOT, RATINGS_ROOT, RECORDS_ROOT, SESSION_ROOT, VOTES_ROOT } from '../doc/roots'
import { decodeStoredSchema } from '../doc/schemaAge'
import { createTavoloSchema } from '../schema'
import { boardAfter, type BoardChange, type BoardView } from './boardChange'
import { sessionWriteProblem } from '../session/sessionState'
import { checkAdoptedFrom } from './adoptionRule'
import { checkCreatedBy } from './createdByRule'
import { checkLevelRoot, LEVEL_PERSON_KEYED_ROOTS } from './levelRules'
import { checkLocks } from './lockRule'
import { checkMetaWrite } from './metaRule'
import { checkOwnHost } from './ownHostRule'
import { checkOwnKey } from './ownKeysRule'
import { checkParentChain } from './parentRule'
import { short } from '../wire/fieldPaths'
import { checkRecordValid } from './recordRule'
import { checkTableEditing } from './tableEditingRule'
import { checkVotes } from './voteRule'
import { refuse, type Refusal, type Writer } from './writer'

// The referee of every write to a board document (docs/architecture.md, "The board document"): the server
// runs it on each update before applying, storing or relaying it; a client can run it on a change
// it is about to make. Each rule is its own module; ROOT_RULES only says which applies where.

let schema: TLSchema | null = null
/** The board schema the rules validate records with, made once. */
export const boardSchema = (): TLSchema => (schema ??= createTavoloSchema())

/** One write being judged: who writes, and the board before and after it. */
export interface Judged {
  writer: Writer
  before: BoardView
  after: BoardView
}

/** How the writes to one document root are judged: each key, then all of the root's keys together. */
export interface RootRule {
  checkKey(judged: Judged, key: string, value: unknown): Refusal | null
  checkKeys?(judged: Judged, keys: ReadonlyMap<string, unknown>): Refusal | null
}

const ownKeys = (root: string): RootRule => ({ checkKey: ({ writer }, key, value) => checkOwnKey(writer, root, key, value) })

/**
 * Every root of the document format and its rule; a root that is not here is refused (nothing
 * reads it, and it would outlive every format migration). A new root is one row.
 */
export const ROOT_RULES: Readonly<Record<string, RootRule>> = {
  [RECORDS_ROOT]: { checkKey: checkRecordWrite },
  [META_ROOT]: { checkKey: ({ writer }, key, value) => checkMetaWrite(writer, key, value, boardSchema().serialize()) },
  [SESSION_ROOT]: { checkKey: ({ writer }, key, value) => checkSessionWrite(writer, key, value) },
  [PEOPLE_ROOT]: ownKeys(PEOPLE_ROOT),
  [VOTES_ROOT]: { ...ownKeys(VOTES_ROOT), checkKeys: ({ writer, after }, keys) => checkVotes(writer, keys, after) },
  [RATINGS_ROOT]: ownKeys(RATINGS_ROOT),
  // The levels' per-person roots (format 2): own keys, then each root's check of the whole write.
  ...Object.fromEntries(
    Object.keys(LEVEL_PERSON_KEYED_ROOTS).map((root): [string, RootRule] => [
      root,
      { ...ownKeys(root), checkKeys: ({ writer, after }, keys) => checkLevelRoot(writer, root, keys, after) },
    ]),
  ),
}

/** Null when `writer` may make `change` to the board `before`; otherwise the first rule it breaks. */
export function checkWrite(writer: Writer, change: BoardChange, before: BoardView): Refusal | null {
  const judged: Judged = { writer, before, after: boardAfter(before, change) }
  for (const [root, keys] of change) {
    const rule = Object.hasOwn(ROOT_RULES, root) ? ROOT_RULES[root] : null
    if (!rule) return refuse('roots', `${root} is not part of the board format`)
    for (const [key, value] of keys) {
      const refusal = rule.checkKey(judged, key, value)
      if (refusal) return refusal
    }
    const refusal = rule.checkKeys?.(judged, keys)
    if (refusal) return refusal
  }
  return null
}

function checkRecordWrite({ writer, before, after }: Judged, key: string, value: unknown): Refusal | null {
  if (value !== undefined) {
    const invalid = checkRecordValid(boardSchema(), key, value, () => decodeStoredSchema(before.value(META_ROOT, META_KEYS.schema)))
    if (invalid) return invalid
    const record = value as Record<string, unknown>
    const refusal =
      checkOwnHost(record) ??
      (record.typeName === 'shape' ? checkParentChain(record, after) : null) ??
      checkCreatedBy(writer, record, before.value(RECORDS_ROOT, key)) ??
      checkAdoptedFrom(record)
    if (refusal) return refusal
  }
  return checkLocks(writer, key, before, after) ?? checkTableEditing(writer, key, before, after)
}

/** Only the facilitator writes the session, and only values every client reads as written. */
function checkSessionWrite(writer: Writer, key: string, value: unknown): Refusal | null {
  if (writer.role !== 'facilitator') return refuse('session', 'only the facilitator can change the workshop session')
  const problem = sessionWriteProblem(key, value)
  return problem ? refuse('session', `${short(key)}: ${problem}`) : null
}
