import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import { recordsArray } from '../../../shared/src/doc/recordsRoot'

// YKeyValue attaches an observer to the array that cannot be removed, so each doc gets exactly
// one, shared by every binding made on it (StrictMode and remounts bind the same doc again).
const keyValues = new WeakMap<Y.Doc, YKeyValue<unknown>>()

/** The board's `records` root as a key-value view: record id → whole record. */
export function recordsKeyValue(doc: Y.Doc): YKeyValue<unknown> {
  let kv = keyValues.get(doc)
  if (!kv) {
    kv = new YKeyValue<unknown>(recordsArray(doc))
    keyValues.set(doc, kv)
  }
  return kv
}
