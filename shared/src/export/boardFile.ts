import type { TLRecord } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { isObject } from '../board/shapeLike'
import type { PersonEntry } from '../doc/readBoardDoc'
import { writeNewRecords } from '../doc/recordsRoot'
import { DOC_FORMAT_VERSION, META_KEYS, META_ROOT, PEOPLE_ROOT, RATINGS_ROOT, SESSION_ROOT, VOTES_ROOT } from '../doc/roots'
import { createTavoloSchema } from '../schema'
import { BOARD_FILE_VERSION, upgradeBoardFile } from './boardFileMigrations'
import { migrateBoardRecords, type RawRecord, type SerializedSchema } from './boardRecordsMigration'
import type { BoardDocContent } from '../doc/readBoardDoc'

// The board file: a whole board as JSON, to keep or to restore as a new board. Importing checks
// everything before anything is written: the kind, the size, the file's format version (older
// ones are upgraded, newer ones refused), then the tldraw records (migrated to this version's
// schema and validated). Any problem refuses the whole file with a message saying what is wrong.

export const BOARD_FILE_KIND = 'tavolo-board'
/** The largest board file an import accepts (413 beyond). */
export const BOARD_FILE_MAX_BYTES = 10 * 1024 * 1024

export interface BoardFile {
  kind: typeof BOARD_FILE_KIND
  formatVersion: number
  /** ISO 8601. */
  exportedAt: string
  title: string
  /** The template the board started from, null when unknown. */
  template: string | null
  /** The tldraw store schema the records were written with. */
  schema: SerializedSchema
  records: TLRecord[]
  session: Record<string, unknown>
  people: Record<string, PersonEntry>
  votes: Record<string, number>
  ratings: Record<string, number>
}

export type BoardFileParse = { ok: true; file: BoardFile } | { ok: false; error: string }

export function toBoardFile(board: BoardDocContent, opts: { exportedAt?: Date } = {}): BoardFile {
  const { meta } = board
  const schema = meta[META_KEYS.schema]
  return {
    kind: BOARD_FILE_KIND,
    formatVersion: BOARD_FILE_VERSION,
    exportedAt: (opts.exportedAt ?? new Date()).toISOString(),
    title: typeof meta[META_KEYS.title] === 'string' ? (meta[META_KEYS.title] as string) : '',
    template: typeof meta[META_KEYS.template] === 'string' ? (meta[META_KEYS.template] as string) : null,
    // A board without a stored schema predates schema tracking: its records are taken as current.
    schema: isSerializedSchema(schema) ? schema : createTavoloSchema().serialize(),
    records: board.records as TLRecord[],
    session: board.session,
    people: board.people,
    votes: board.votes,
    ratings: board.ratings,
  }
}

/** The file as JSON text, indented so it reads and diffs well. */
export function serializeBoardFile(file: BoardFile): string {
  return `${JSON.stringify(file, null, 2)}\n`
}

export function parseBoardFile(text: string, opts: { maxBytes: number }): BoardFileParse {
  const bytes = utf8Length(text)
  if (bytes > opts.maxBytes) {
    return { ok: false, error: `The file is too large (${sizeText(bytes)}); a board file may be at most ${sizeText(opts.maxBytes)}.` }
  }
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    return { ok: false, error: 'This is not a Tavolo board file: it is not valid JSON.' }
  }
  if (!isObject(json) || json.kind !== BOARD_FILE_KIND) {
    return { ok: false, error: `This is not a Tavolo board file: it has no "kind": "${BOARD_FILE_KIND}".` }
  }
  const version = json.formatVersion
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, error: 'The board file is damaged: "formatVersion" must be a whole number.' }
  }
  if (version > BOARD_FILE_VERSION) {
    return {
      ok: false,
      error: `This board file was made by a newer version of Tavolo (file format ${version}; this version reads up to ${BOARD_FILE_VERSION}). Update Tavolo to import it.`,
    }
  }
  const upgraded = upgradeBoardFile(json, version)
  return upgraded.ok ? readCurrentFile(upgraded.file) : upgraded
}

/**
 * Writes a board file into a new, empty Y.Doc in the board document format, in one transaction;
 * the records are migrated to this version's schema first. Throws when the doc already has
 * records or the records cannot be migrated (`parseBoardFile` has already checked both).
 */
export function boardFileToDoc(file: BoardFile, doc: Y.Doc): void {
  const migrated = migrateBoardRecords(file.records as unknown as RawRecord[], file.schema)
  if (!migrated.ok) throw new Error(migrated.error)
  doc.transact(() => {
    writeNewRecords(doc, migrated.records)
    const meta = doc.getMap(META_ROOT)
    meta.set(META_KEYS.format, DOC_FORMAT_VERSION)
    meta.set(META_KEYS.title, file.title)
    if (file.template !== null) meta.set(META_KEYS.template, file.template)
    meta.set(META_KEYS.schema, migrated.schema)
    setAll(doc.getMap(SESSION_ROOT), file.session)
    setAll(doc.getMap(PEOPLE_ROOT), file.people)
    setAll(doc.getMap(VOTES_ROOT), file.votes)
    setAll(doc.getMap(RATINGS_ROOT), file.ratings)
  })
}

function readCurrentFile(json: Record<string, unknown>): BoardFileParse {
  const damaged = (what: string): BoardFileParse => ({ ok: false, error: `The board file is damaged: ${what}.` })
  const { exportedAt, title, template, schema, records, session, people, votes, ratings } = json
  if (typeof title !== 'string') return damaged('"title" must be text')
  if (template !== null && template !== undefined && typeof template !== 'string') return damaged('"template" must be text or null')
  if (!isSerializedSchema(schema)) return damaged('"schema" is missing or not a tldraw schema')
  if (!Array.isArray(records)) return damaged('"records" must be a list')
  const badRecord = records.findIndex((r) => !isObject(r) || typeof r.id !== 'string' || typeof r.typeName !== 'string')
  if (badRecord >= 0) return damaged(`record ${badRecord + 1} has no id or type`)
  if (!isObject(session)) return damaged('"session" must be an object')
  const peopleRead = readPeople(people)
  if (typeof peopleRead === 'string') return damaged(peopleRead)
  const votesRead = readNumbers(votes, 'votes')
  if (typeof votesRead === 'string') return damaged(votesRead)
  const ratingsRead = readNumbers(ratings, 'ratings')
  if (typeof ratingsRead === 'string') return damaged(ratingsRead)

  const migrated = migrateBoardRecords(records as RawRecord[], schema)
  if (!migrated.ok) return { ok: false, error: migrated.error }
  return {
    ok: true,
    file: {
      kind: BOARD_FILE_KIND,
      formatVersion: BOARD_FILE_VERSION,
      exportedAt: typeof exportedAt === 'string' ? exportedAt : '',
      title,
      template: typeof template === 'string' ? template : null,
      schema: migrated.schema,
      records: migrated.records,
      session,
      people: peopleRead,
      votes: votesRead,
      ratings: ratingsRead,
    },
  }
}

function readPeople(value: unknown): Record<string, PersonEntry> | string {
  if (!isObject(value)) return '"people" must be an object'
  const people: Record<string, PersonEntry> = {}
  for (const [id, person] of Object.entries(value)) {
    if (!isObject(person) || ![person.name, person.role, person.colour].every((v) => typeof v === 'string')) {
      return `person "${id}" needs a name, a role and a colour`
    }
    people[id] = { name: person.name as string, role: person.role as string, colour: person.colour as string }
  }
  return people
}

function readNumbers(value: unknown, root: string): Record<string, number> | string {
  if (!isObject(value)) return `"${root}" must be an object`
  for (const [key, n] of Object.entries(value)) {
    if (typeof n !== 'number' || !Number.isFinite(n)) return `${root} "${key}" must be a number`
  }
  return value as Record<string, number>
}

function isSerializedSchema(value: unknown): value is SerializedSchema {
  return isObject(value) && typeof value.schemaVersion === 'number' && (isObject(value.sequences) || isObject(value.recordVersions))
}

function setAll(map: Y.Map<unknown>, entries: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(entries)) map.set(key, value)
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

/** "12.3 MB" or "240 KB", for messages about file sizes. */
export function sizeText(bytes: number): string {
  const MB = 1024 * 1024
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`
}
