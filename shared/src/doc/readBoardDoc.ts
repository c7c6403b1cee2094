import * as Y from 'yjs'
import { isObject } from '../board/shapeLike'
import { readRecords } from './recordsRoot'
import { META_ROOT, PEOPLE_ROOT, RATINGS_ROOT, SESSION_ROOT, VOTES_ROOT } from './roots'

// One plain snapshot of a board's document, so the summary panel, the exporters and the server
// all compute from the same input. Values are as stored: readers still check them.

export interface PersonEntry {
  name: string
  role: string
  colour: string
}

export interface BoardDocContent {
  /** The current tldraw records (TLRecord-like plain objects). */
  records: unknown[]
  /** Well-formed entries of `people` (name, role and colour as strings, '' when missing). */
  people: Record<string, PersonEntry>
  session: Record<string, unknown>
  /** Entries of `votes` whose value is a number. */
  votes: Record<string, number>
  /** Entries of `ratings` whose value is a number. */
  ratings: Record<string, number>
  meta: Record<string, unknown>
}

export function readBoardDoc(doc: Y.Doc): BoardDocContent {
  return {
    records: readRecords(doc),
    people: readPeople(doc.getMap(PEOPLE_ROOT).toJSON()),
    session: doc.getMap(SESSION_ROOT).toJSON(),
    votes: numbersOnly(doc.getMap(VOTES_ROOT).toJSON()),
    ratings: numbersOnly(doc.getMap(RATINGS_ROOT).toJSON()),
    meta: doc.getMap(META_ROOT).toJSON(),
  }
}

/** The `people` map's plain entries, each reduced to name, role and colour strings. */
export function readPeople(entries: Record<string, unknown>): Record<string, PersonEntry> {
  const people: Record<string, PersonEntry> = {}
  for (const [id, value] of Object.entries(entries)) {
    if (!isObject(value)) continue
    people[id] = { name: stringOrEmpty(value.name), role: stringOrEmpty(value.role), colour: stringOrEmpty(value.colour) }
  }
  return people
}

function numbersOnly(entries: Record<string, unknown>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(entries).filter((entry): entry is [string, number] => typeof entry[1] === 'number' && Number.isFinite(entry[1])),
  )
}

function stringOrEmpty(value: unknown): string {
  return typeof value === 'string' ? value : ''
}
