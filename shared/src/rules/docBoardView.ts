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
 * read once and kept until the `records` root changes, and so is each map root's plain JSON
 * until that map changes: the rules read the session on every write, which rarely changes it.
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
  /** The map roots read so far, each with the observer that forgets its plain JSON. */
  const maps = new Map<string, { map: Y.Map<unknown>; forget: () => void }>()
  const plain = new Map<string, Readonly<Record<string, unknown>>>()
  /** A map root, or null while the doc has none by that name (reading it must not create it). */
  const mapRoot = (root: string): Y.Map<unknown> | null => {
    const known = maps.get(root)
    if (known) return known.map
    if (!doc.share.has(root)) return null
    const map = doc.getMap<unknown>(root)
    const forgetPlain = () => void plain.delete(root)
    map.observe(forgetPlain)
    maps.set(root, { map, forget: forgetPlain })
    return map
  }
  return {
    value(root, key) {
      if (root === RECORDS_ROOT) return currentRecords().get(key)
      return mapRoot(root)?.get(key)
    },
    entries(root) {
      if (root === RECORDS_ROOT) return Object.fromEntries(currentRecords())
      let entries = plain.get(root)
      if (!entries) {
        const map = mapRoot(root)
        if (!map) return {}
        // Frozen: every caller shares it until the map changes.
        plain.set(root, (entries = Object.freeze(map.toJSON())))
      }
      return entries
    },
    dispose: () => {
      array.unobserve(forget)
      for (const { map, forget: forgetPlain } of maps.values()) map.unobserve(forgetPlain)
    },
  }
}
