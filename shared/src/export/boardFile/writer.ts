import type { TLRecord } from '@tldraw/tlschema'
import * as Y from 'yjs'
import type { BoardDocContent } from '../../doc/readBoardDoc'
import { writeNewRecords } from '../../doc/recordsRoot'
import { BUDGETS_ROOT, DOC_FORMAT_VERSION, META_KEYS, META_ROOT, PEOPLE_ROOT, RATINGS_ROOT, SEAT_PICKS_ROOT, SESSION_ROOT, VOTES_ROOT } from '../../doc/roots'
import { decodeStoredSchema } from '../../doc/schemaAge'
import { createTavoloSchema } from '../../schema'
import { BOARD_FILE_KIND, type BoardFile } from './format'
import { migrateRecordsOrRefuse, type RawRecord } from './migrateRecords'
import { BOARD_FILE_VERSION } from './upgrades'

// Writing a board file: from a board's document to the file, and from a checked file
// (parser.ts) into a new board's document.

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
    schema: decodeStoredSchema(schema) ?? createTavoloSchema().serialize(),
    records: board.records as TLRecord[],
    session: board.session,
    people: board.people,
    votes: board.votes,
    ratings: board.ratings,
    budgets: board.budgets ?? {},
    seatPicks: board.seatPicks ?? {},
  }
}

/** The file as JSON text, indented so it reads and diffs well. */
export function serializeBoardFile(file: BoardFile): string {
  return `${JSON.stringify(file, null, 2)}\n`
}

/**
 * Writes a board file into a new, empty Y.Doc in the board document format, in one transaction;
 * the records are migrated to this version's schema first. Throws when the doc already has
 * records or the records cannot be migrated (`parseBoardFile` has already checked both).
 */
export function boardFileToDoc(file: BoardFile, doc: Y.Doc): void {
  const migrated = migrateRecordsOrRefuse(file.records as unknown as RawRecord[], file.schema)
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
    setAll(doc.getMap(BUDGETS_ROOT), file.budgets ?? {})
    setAll(doc.getMap(SEAT_PICKS_ROOT), file.seatPicks ?? {})
  })
}

function setAll(map: Y.Map<unknown>, entries: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(entries)) map.set(key, value)
}
