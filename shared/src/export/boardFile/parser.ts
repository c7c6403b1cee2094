import { T } from '@tldraw/validate'
import { isObject } from '../../board/shapeLike'
import { storedPersonWrite } from '../../doc/people'
import { BUDGETS_ROOT, PEOPLE_ROOT, RATINGS_ROOT, SEAT_PICKS_ROOT, VOTES_ROOT } from '../../doc/roots'
import { storedSchema } from '../../doc/schemaAge'
import { personKeyedEntryProblem } from '../../rules/ownKeysRule'
import { readStoredSessionKey } from '../../session/sessionState'
import { fieldPrefix, MAX_NESTING_DEPTH, nestedTooDeep, pathDeeperThan } from '../../wire/fieldPaths'
import { jsonObject, validateInput } from '../../wire/validation'
import { BOARD_FILE_KIND, sizeText, type BoardFileParse } from './format'
import { migrateRecordsOrRefuse } from './migrateRecords'
import { damaged, refuse } from './refusal'
import { BOARD_FILE_VERSION, upgradeBoardFile } from './upgrades'

// Reading a board file checks everything before anything is written: the kind, the size, the
// file's format version (older ones are upgraded, newer ones refused), then the tldraw records
// (migrated to this version's schema and validated) and the session and per-person values, with
// the validators the relay checks live writes with, so an imported board holds only what a live
// one could. Any problem refuses the whole file with a message saying what is wrong.

/** The envelope, read before upgrading: the layout of the rest depends on its version. */
const envelope = T.object({ kind: T.literal(BOARD_FILE_KIND), formatVersion: T.positiveInteger }).allowUnknownProperties()

const storedRecord = T.object({ id: T.string, typeName: T.string }).allowUnknownProperties()

/** A file of this version (older ones are upgraded first); records are checked after migration. */
const currentFile = T.object({
  kind: T.literal(BOARD_FILE_KIND),
  formatVersion: T.literal(BOARD_FILE_VERSION),
  exportedAt: T.string.optional(),
  title: T.string,
  template: T.string.nullable().optional(),
  schema: storedSchema,
  records: T.arrayOf(storedRecord),
  session: jsonObject(T.dict(T.string, T.unknown)),
  people: jsonObject(T.dict(T.string, storedPersonWrite)),
  votes: jsonObject(T.dict(T.string, T.number)),
  ratings: jsonObject(T.dict(T.string, T.number)),
  budgets: jsonObject(T.dict(T.string, T.number)).optional(),
  seatPicks: jsonObject(T.dict(T.string, T.string)).optional(),
}).allowUnknownProperties()

/** The file's parts that hold one key per person, each checked by the relay's own-keys rule. */
const PERSON_KEYED_PARTS = [PEOPLE_ROOT, VOTES_ROOT, RATINGS_ROOT, BUDGETS_ROOT, SEAT_PICKS_ROOT] as const

export function parseBoardFile(text: string, opts: { maxBytes: number }): BoardFileParse {
  const bytes = utf8Length(text)
  if (bytes > opts.maxBytes) {
    return refuse('board-file-too-large', { size: sizeText(bytes), max: sizeText(opts.maxBytes) })
  }
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    return refuse('board-file-not-tavolo')
  }
  if (!isObject(json) || json.kind !== BOARD_FILE_KIND) {
    return refuse('board-file-not-tavolo')
  }
  // Checked before any validator or Yjs walks the file: they recurse, and a value nested thousands
  // deep would overflow the stack here or, once stored, in every export of the board.
  const tooDeep = pathDeeperThan(json, MAX_NESTING_DEPTH)
  if (tooDeep) return damaged(nestedTooDeep(tooDeep.slice(0, 2)))
  const head = validateInput(envelope, json)
  if (!head.ok) return damaged(head.error)
  const version = head.value.formatVersion
  if (version > BOARD_FILE_VERSION) {
    return refuse('board-file-too-new')
  }
  const upgraded = upgradeBoardFile(json, version)
  return upgraded.ok ? readCurrentFile(upgraded.file) : refuse('board-file-too-old')
}

function readCurrentFile(json: Record<string, unknown>): BoardFileParse {
  const checked = validateInput(currentFile, json)
  if (!checked.ok) return damaged(checked.error)
  const file = checked.value
  const migrated = migrateRecordsOrRefuse(file.records, file.schema)
  if (!migrated.ok) return migrated
  const session: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(file.session)) {
    const read = readStoredSessionKey(key, value, ['session', key])
    if (!read.ok) return damaged(read.error)
    // As every client reads it: a value an older version stored in an older shape is upgraded.
    session[key] = read.value
  }
  for (const root of PERSON_KEYED_PARTS) {
    for (const [key, value] of Object.entries(file[root] ?? {})) {
      const problem = personKeyedEntryProblem(root, key, value)
      if (problem) return damaged(`${fieldPrefix([root])}${problem}`)
    }
  }
  return {
    ok: true,
    file: {
      kind: BOARD_FILE_KIND,
      formatVersion: BOARD_FILE_VERSION,
      exportedAt: file.exportedAt ?? '',
      title: file.title,
      template: file.template ?? null,
      schema: migrated.schema,
      records: migrated.records,
      session,
      people: file.people,
      votes: file.votes,
      ratings: file.ratings,
      budgets: file.budgets ?? {},
      seatPicks: file.seatPicks ?? {},
    },
  }
}

/** UTF-8 size without encoding the whole text (a too-large upload is refused without copying it). */
function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}
