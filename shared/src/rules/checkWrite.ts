import type { TLSchema } from '@tldraw/tlschema'
import { META_KEYS, META_ROOT, RECORDS_ROOT, SESSION_ROOT, VOTES_ROOT } from '../doc/roots'
import { decodeStoredSchema } from '../doc/schemaAge'
import { createTavoloSchema } from '../schema'
import { boardAfter, type BoardChange, type BoardView } from './boardChange'
import { checkCreatedBy } from './createdByRule'
import { checkLevelRoot } from './levelRules'
import { checkLocks } from './lockRule'
import { checkMetaWrite } from './metaRule'
import { checkOwnHost } from './ownHostRule'
import { checkOwnKey, PERSON_KEYED_ROOTS } from './ownKeysRule'
import { checkParentChain } from './parentRule'
import { checkRecordValid } from './recordRule'
import { checkTableEditing } from './tableEditingRule'
import { checkVotes } from './voteRule'
import { refuse, type Refusal, type Writer } from './writer'

// The referee of every write to a board document (docs/architecture.md, "The board document"): the server
// runs it on each update before applying, storing or relaying it; a client can run it on a change
// it is about to make. Each rule is its own module; this one only says which applies where.

let schema: TLSchema | null = null
const boardSchema = (): TLSchema => (schema ??= createTavoloSchema())

export interface WriteCheckOptions {
  /**
   * False while a link without a person token may still write (until every client joins as a
   * person): the rules that compare keys and attribution with the writer's person id are skipped.
   */
  personKnown?: boolean
}

/** One write being judged: who writes, and the board before and after it. */
interface Judged {
  writer: Writer
  before: BoardView
  after: BoardView
  personKnown: boolean
}

/** Null when `writer` may make `change` to the board `before`; otherwise the first rule it breaks. */
export function checkWrite(writer: Writer, change: BoardChange, before: BoardView, options: WriteCheckOptions = {}): Refusal | null {
  const judged: Judged = { writer, before, after: boardAfter(before, change), personKnown: options.personKnown ?? true }
  for (const [root, keys] of change) {
    for (const [key, value] of keys) {
      if (!judged.personKnown && Object.hasOwn(PERSON_KEYED_ROOTS, root)) continue
      const refusal = checkKey(judged, root, key, value)
      if (refusal) return refusal
    }
    if (root === VOTES_ROOT && judged.personKnown) {
      const refusal = checkVotes(writer, keys, judged.after)
      if (refusal) return refusal
    }
    const levels = judged.personKnown ? checkLevelRoot(writer, root, keys, judged.after) : null
    if (levels) return levels
  }
  return null
}

function checkKey(judged: Judged, root: string, key: string, value: unknown): Refusal | null {
  const { writer } = judged
  switch (root) {
    case RECORDS_ROOT:
      return checkRecordWrite(judged, key, value)
    case META_ROOT:
      return checkMetaWrite(writer, key, value, boardSchema().serialize())
    case SESSION_ROOT:
      return writer.role === 'facilitator' ? null : refuse('session', 'only the facilitator can change the workshop session')
    default:
      // Roots outside the format are read by no client; the board size limit bounds them.
      return Object.hasOwn(PERSON_KEYED_ROOTS, root) ? checkOwnKey(writer, root, key, value) : null
  }
}

function checkRecordWrite({ writer, before, after, personKnown }: Judged, key: string, value: unknown): Refusal | null {
  if (value !== undefined) {
    const storedSchema = decodeStoredSchema(before.value(META_ROOT, META_KEYS.schema))
    const invalid = checkRecordValid(boardSchema(), key, value, storedSchema)
    if (invalid) return invalid
    const record = value as Record<string, unknown>
    const refusal =
      checkOwnHost(record) ??
      (record.typeName === 'shape' ? checkParentChain(record, after) : null) ??
      (personKnown ? checkCreatedBy(writer, record, before.value(RECORDS_ROOT, key)) : null)
    if (refusal) return refusal
  }
  return checkLocks(writer, key, before, after) ?? (personKnown ? checkTableEditing(writer, key, before, after) : null)
}
