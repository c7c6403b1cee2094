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

/**
 * Writes records (a new value for each id) and deletes the entries of `deletedKeys`, as YKeyValue
 * would (older entries of a key removed, the new one pushed) but without attaching one: the
 * server's own edits to a live room's doc (the drafting reveal).
 */
export function replaceRecords(doc: Y.Doc, records: readonly { id: string }[], deletedKeys: readonly string[] = []): void {
  const array = recordsArray(doc)
  const stale = new Set([...records.map((record) => record.id), ...deletedKeys])
  doc.transact(() => {
    const entries = array.toArray()
    for (let i = entries.length - 1; i >= 0; i--) {
      const key = (entries[i] as Partial<RecordEntry> | null)?.key
      if (typeof key === 'string' && stale.has(key)) array.delete(i, 1)
    }
    if (records.length > 0) array.push(records.map((record) => ({ key: record.id, val: record })))
  })
}
