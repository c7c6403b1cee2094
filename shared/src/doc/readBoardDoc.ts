import * as Y from 'yjs'
import { readPeople, type StoredPerson } from './people'
import { readRecords } from './recordsRoot'
import { BUDGETS_ROOT, META_ROOT, PEOPLE_ROOT, RATINGS_ROOT, SEAT_PICKS_ROOT, SESSION_ROOT, VOTES_ROOT } from './roots'

// One plain snapshot of a board's document, so the summary panel, the exporters and the server
// all compute from the same input. Values are as stored: readers still check them.

export interface BoardDocContent {
  /** The current tldraw records (TLRecord-like plain objects). */
  records: unknown[]
  /** Well-formed entries of `people` (name, role and colour as strings, '' when missing). */
  people: Record<string, StoredPerson>
  session: Record<string, unknown>
  /** Entries of `votes` whose value is a number. */
  votes: Record<string, number>
  /** Entries of `ratings` whose value is a number. */
  ratings: Record<string, number>
  /** Entries of `budgets` whose value is a number (format 2; absent: none). */
  budgets?: Record<string, number>
  /** Entries of `seatPicks` whose value is a string (format 2; absent: none). */
  seatPicks?: Record<string, string>
  meta: Record<string, unknown>
}

export function readBoardDoc(doc: Y.Doc): BoardDocContent {
  return {
    records: readRecords(doc),
    people: readPeople(doc.getMap(PEOPLE_ROOT).toJSON()),
    session: doc.getMap(SESSION_ROOT).toJSON(),
    votes: numbersOnly(doc.getMap(VOTES_ROOT).toJSON()),
    ratings: numbersOnly(doc.getMap(RATINGS_ROOT).toJSON()),
    budgets: numbersOnly(doc.getMap(BUDGETS_ROOT).toJSON()),
    seatPicks: Object.fromEntries(
      Object.entries(doc.getMap(SEAT_PICKS_ROOT).toJSON()).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    ),
    meta: doc.getMap(META_ROOT).toJSON(),
  }
}

function numbersOnly(entries: Record<string, unknown>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(entries).filter((entry): entry is [string, number] => typeof entry[1] === 'number' && Number.isFinite(entry[1])),
  )
}
