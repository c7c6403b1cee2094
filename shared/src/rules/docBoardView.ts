import * as Y from 'yjs'
import { recordsArray, type RecordEntry } from '../doc/recordsRoot'
import { RECORDS_ROOT } from '../doc/roots'
import type { BoardView } from './boardChange'

export interface DocBoardView extends BoardView {
  /** Stops watching the doc. */
  dispose(): void
}

/**
 * A BoardView of a live Y.Doc. The current records (the rightmost YKeyValue entry per key) are
 * read once and kept until the `records` root changes, so judging many small writes in a row
 * does not re-read the whole board each time.
 */
export function docBoardView(doc: Y.Doc): DocBoardView {
  const array = recordsArray(doc)
  let records: Map<string, unknown> | null = null
  const forget = () => {
    records = null
  }
  array.observe(forget)
  const currentRecords = (): Map<string, unknown> => {
    if (records) return records
    records = new Map()
    for (const entry of array.toArray() as unknown[]) {
      const { key, val } = (entry ?? {}) as Partial<RecordEntry>
      if (typeof key === 'string') records.set(key, val)
    }
    return records
  }
  return {
    value(root, key) {
      if (root === RECORDS_ROOT) return currentRecords().get(key)
      return doc.share.has(root) ? doc.getMap<unknown>(root).get(key) : undefined
    },
    entries(root) {
      if (root === RECORDS_ROOT) return Object.fromEntries(currentRecords())
      return doc.share.has(root) ? doc.getMap<unknown>(root).toJSON() : {}
    },
    dispose: () => array.unobserve(forget),
  }
}
