import * as Y from 'yjs'
import type { BoardChange, BoardView } from '../../../shared/src/rules/boardChange'
import { BOARD_MAP_ROOTS, RECORDS_ROOT } from '../../../shared/src/doc/roots'
import { isObject } from '../../../shared/src/board/shapeLike'
import { MAX_NESTING_DEPTH, nestedTooDeep, pathDeeperThan, short } from '../../../shared/src/wire/fieldPaths'

// What an encoded Yjs update would change in a board document, read from the update and the doc
// before it is applied, so the rules can judge it first (shared/src/rules/checkWrite.ts).

export type UpdateChanges =
  /** Not a Yjs update: it does not decode (the peer's fault; a failure past decoding is this server's and is thrown). */
  | { kind: 'undecodable'; error: unknown }
  /** The update builds on structs neither it nor the doc holds: it cannot be judged yet. */
  | { kind: 'unresolved' }
  /** The update writes something the document format does not have (a nested type, text...). */
  | { kind: 'malformed'; message: string }
  /** The update carries a value nested deeper than MAX_NESTING_DEPTH: stored, it would overflow the stack of its readers. */
  | { kind: 'too-deep'; message: string }
  | {
      kind: 'resolved'
      change: BoardChange
      /** Client ids of the structs the update adds (the doc does not hold them yet). */
      clients: Set<number>
    }

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>
type DecodedStruct = DecodedUpdate['structs'][number]

/** Where an item sits: its root, its key in a map root (null in an array), and whether it is nested. */
interface Place {
  root: string
  key: string | null
  nested: boolean
}

class Unresolved extends Error {}
class Malformed extends Error {}

function findDocStruct(doc: Y.Doc, id: Y.ID): Y.Item | Y.GC | null {
  const structs = doc.store.clients.get(id.client)
  if (!structs || structs.length === 0) return null
  const last = structs[structs.length - 1]
  if (id.clock >= last.id.clock + last.length) return null
  return structs[Y.findIndexSS(structs, id.clock)] as Y.Item | Y.GC
}

/** The update's structs by client, each list in clock order, for binary search. */
function indexByClient(structs: DecodedStruct[]): Map<number, DecodedStruct[]> {
  const byClient = new Map<number, DecodedStruct[]>()
  for (const struct of structs) {
    const list = byClient.get(struct.id.client)
    if (list) list.push(struct)
    else byClient.set(struct.id.client, [struct])
  }
  for (const list of byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock)
  return byClient
}

function findUpdateStruct(byClient: Map<number, DecodedStruct[]>, id: Y.ID): DecodedStruct | null {
  const list = byClient.get(id.client)
  if (!list) return null
  let low = 0
  let high = list.length - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    const struct = list[mid]
    if (id.clock < struct.id.clock) high = mid - 1
    else if (id.clock >= struct.id.clock + struct.length) low = mid + 1
    else return struct
  }
  return null
}

function placeOfDocItem(item: Y.Item): Place {
  const parent = item.parent as Y.AbstractType<unknown>
  if (parent._item) return { root: '', key: null, nested: true }
  if (!parent.doc) throw new Unresolved()
  return { root: Y.findRootTypeKey(parent), key: item.parentSub, nested: false }
}

/** The changes `update` would make to `doc` (seen through `view`); never modifies the doc. */
export function updateChanges(doc: Y.Doc, view: BoardView, update: Uint8Array): UpdateChanges {
  let decoded: DecodedUpdate
  try {
    decoded = Y.decodeUpdate(update)
  } catch (error) {
    // lib0 reads nested JSON recursively: a value nested thousands deep overflows the stack here.
    if (error instanceof RangeError && /call stack/.test(error.message)) return { kind: 'too-deep', message: nestedTooDeep([]) }
    return { kind: 'undecodable', error }
  }
  const tooDeep = deepValue(decoded.structs)
  if (tooDeep) return { kind: 'too-deep', message: tooDeep }
  try {
    return { kind: 'resolved', ...readChanges(doc, view, decoded) }
  } catch (error) {
    if (error instanceof Unresolved) return { kind: 'unresolved' }
    if (error instanceof Malformed) return { kind: 'malformed', message: error.message }
    throw error
  }
}

type Change = Map<string, Map<string, unknown>>

/**
 * Why a value the update carries is nested too deep, naming its key, or null. Every value is
 * checked, not only those the update changes: the update's bytes are what is stored and read again.
 */
function deepValue(structs: DecodedStruct[]): string | null {
  for (const struct of structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentAny)) continue
    for (const value of struct.content.arr) {
      if (!pathDeeperThan(value, MAX_NESTING_DEPTH)) continue
      // A records entry is `{ key, val }`; a map's value sits under its key.
      const key = isObject(value) && typeof value.key === 'string' ? value.key : struct.parentSub
      return nestedTooDeep(key === null ? [] : [short(key)])
    }
  }
  return null
}

// Module functions rather than closures made per update: the server's bundle keeps function
// names, which costs every closure made a property definition.

/** Records a write of `root[key]`; a null key only marks a root outside the format as written. */
function noteWrite(change: Change, root: string, key: string | null, value?: unknown, overwrite = true): void {
  let keys = change.get(root)
  if (!keys) change.set(root, (keys = new Map()))
  if (key !== null && (overwrite || !keys.has(key))) keys.set(key, value)
}

/** Where an update's structs are looked up: the doc, then the update itself (at most `maxDepth` hops). */
interface Lookup {
  doc: Y.Doc
  byClient: Map<number, DecodedStruct[]>
  maxDepth: number
}

// An item names its parent only when it has no neighbours; otherwise it shares its neighbour's.
function placeOfIncoming(lookup: Lookup, item: Y.Item, depth: number): Place {
  if (depth > lookup.maxDepth) throw new Unresolved()
  const parent = item.parent as unknown
  if (typeof parent === 'string') return { root: parent, key: item.parentSub, nested: false }
  if (parent instanceof Y.ID) return { root: '', key: null, nested: true }
  const neighbour = item.origin ?? item.rightOrigin
  if (!neighbour) throw new Unresolved()
  return placeOfId(lookup, neighbour, depth + 1)
}

function placeOfId(lookup: Lookup, id: Y.ID, depth: number): Place {
  const known = findDocStruct(lookup.doc, id)
  if (known instanceof Y.Item) return placeOfDocItem(known)
  if (known) throw new Unresolved()
  const incoming = findUpdateStruct(lookup.byClient, id)
  if (incoming instanceof Y.Item) return placeOfIncoming(lookup, incoming, depth)
  throw new Unresolved()
}

function readChanges(doc: Y.Doc, view: BoardView, { structs, ds }: DecodedUpdate): { change: BoardChange; clients: Set<number> } {
  const byClient = indexByClient(structs)
  const lookup: Lookup = { doc, byClient, maxDepth: structs.length + 1 }
  const change: Change = new Map()
  const clients = new Set<number>()

  for (const struct of structs) {
    // Structs the doc already holds change nothing: y-indexeddb re-sends a whole stored copy on load.
    // (Y.getState reads one client's clock: the whole state vector grows with every client the board has seen.)
    const offset = Math.max(0, Y.getState(doc.store, struct.id.client) - struct.id.clock)
    if (offset >= struct.length || struct instanceof Y.Skip) continue
    clients.add(struct.id.client)
    if (!(struct instanceof Y.Item)) continue
    const place = placeOfIncoming(lookup, struct, 0)
    if (place.nested) throw new Malformed('the board document has no nested types')
    if (!isFormatRoot(place.root)) {
      noteWrite(change, place.root, null)
      continue
    }
    const content = struct.content
    if (place.root === RECORDS_ROOT) {
      if (place.key !== null) throw new Malformed('records is a list, not a map')
      if (content instanceof Y.ContentDeleted) continue
      if (!(content instanceof Y.ContentAny)) throw new Malformed('records holds plain JSON entries only')
      content.arr.forEach((entry, i) => {
        if (i < offset || Y.isDeleted(ds, Y.createID(struct.id.client, struct.id.clock + i))) return
        const key = (entry as { key?: unknown } | null)?.key
        if (typeof key !== 'string') throw new Malformed('a records entry has no key')
        noteWrite(change, RECORDS_ROOT, key, (entry as { val?: unknown }).val, true)
      })
      continue
    }
    if (place.key === null) throw new Malformed(`${place.root} is a map, not a list`)
    if (content instanceof Y.ContentDeleted || Y.isDeleted(ds, struct.id)) noteWrite(change, place.root, place.key, undefined, false)
    else if (content instanceof Y.ContentAny) noteWrite(change, place.root, place.key, content.arr[0], true)
    else throw new Malformed(`${place.root} holds plain JSON values only`)
  }

  for (const [client, deletions] of ds.clients) {
    for (const { clock, len } of deletions) {
      for (let c = clock; c < clock + len; ) {
        const id = Y.createID(client, c)
        const known = findDocStruct(doc, id)
        if (!known) {
          const incoming = findUpdateStruct(byClient, id)
          // Yjs keeps a deletion of a not-yet-seen struct and applies it on arrival: unknowable now.
          if (!incoming) throw new Unresolved()
          // Deleting a struct of this same update was handled with the struct.
          c = incoming.id.clock + incoming.length
          continue
        }
        c = known.id.clock + known.length
        // Every sync step 2 repeats the sender's whole delete set: a deletion the doc already has changes nothing.
        if (!(known instanceof Y.Item) || known.deleted) continue
        const place = placeOfDocItem(known)
        if (place.nested) continue
        if (!isFormatRoot(place.root)) {
          noteWrite(change, place.root, null)
          continue
        }
        if (place.root === RECORDS_ROOT && known.content instanceof Y.ContentAny) {
          deleteRecordEntries(view, known, Math.max(clock, known.id.clock) - known.id.clock, Math.min(clock + len, c) - known.id.clock, change)
        } else if (place.key !== null && (known.parent as Y.Map<unknown>)._map.get(place.key) === known) {
          noteWrite(change, place.root, place.key, undefined, false)
        }
      }
    }
  }
  return { change, clients }
}

/** Roots of the document format; others are only noted as written (checkWrite judges them). */
function isFormatRoot(root: string): boolean {
  return root === RECORDS_ROOT || BOARD_MAP_ROOTS.includes(root)
}

/** A deleted records entry deletes its record only if it is the record's current entry. */
function deleteRecordEntries(
  view: BoardView,
  item: Y.Item,
  from: number,
  to: number,
  change: Change,
): void {
  const entries = (item.content as Y.ContentAny).arr.slice(from, to) as Array<{ key?: unknown; val?: unknown } | null>
  for (const entry of entries) {
    if (typeof entry?.key === 'string' && view.value(RECORDS_ROOT, entry.key) === entry.val) noteWrite(change, RECORDS_ROOT, entry.key, undefined, false)
  }
}
