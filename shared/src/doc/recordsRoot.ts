import * as Y from 'yjs'
import { RECORDS_ROOT } from './roots'

// The `records` root is a Y.Array of `{ key, val }` entries kept by y-utility's YKeyValue:
// when a key appears more than once, the entry furthest right is the current value.

export interface RecordEntry {
  key: string
  val: unknown
}

export function recordsArray(doc: Y.Doc): Y.Array<RecordEntry> {
  return doc.getArray<RecordEntry>(RECORDS_ROOT)
}

/**
 * The current records, read without a YKeyValue: constructing one attaches an observer and may
 * write to the doc (it removes duplicates), which a reader must not do.
 */
export function readRecords(doc: Y.Doc): unknown[] {
  const current = new Map<string, unknown>()
  for (const entry of recordsArray(doc).toArray()) {
    if (typeof entry === 'object' && entry !== null && typeof entry.key === 'string') {
      current.set(entry.key, entry.val)
    }
  }
  return [...current.values()]
}

/**
 * Writes records into an empty `records` root in YKeyValue's entry format. Written directly
 * rather than through a YKeyValue so no observer stays attached to a doc the server keeps.
 */
export function writeNewRecords(doc: Y.Doc, records: readonly { id: string }[]): void {
  const array = recordsArray(doc)
  if (array.length > 0) throw new Error('The board document already has records: only a new board can be seeded')
  array.push(records.map((record) => ({ key: record.id, val: record })))
}
