import * as Y from 'yjs'

// Which root types of a doc an update would change, read from the encoded update alone (before it
// is applied), so the relay can refuse writes to roots a role may not touch.

/** Marks an update that references structs neither it nor the doc holds: its target is unknowable. */
export const UNRESOLVED_ROOT = Symbol('unresolved root')
export type TouchedRoot = string | typeof UNRESOLVED_ROOT

type DecodedStruct = ReturnType<typeof Y.decodeUpdate>['structs'][number]

function rootNameOfType(type: Y.AbstractType<unknown>): TouchedRoot {
  let current = type
  while (current._item) current = current._item.parent as Y.AbstractType<unknown>
  return current.doc ? Y.findRootTypeKey(current) : UNRESOLVED_ROOT
}

function findDocStruct(doc: Y.Doc, id: Y.ID): Y.Item | Y.GC | null {
  const structs = doc.store.clients.get(id.client)
  if (!structs || structs.length === 0) return null
  const last = structs[structs.length - 1]
  if (id.clock >= last.id.clock + last.length) return null
  return structs[Y.findIndexSS(structs, id.clock)]
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

/** Every root the update inserts into or deletes from; UNRESOLVED_ROOT when it cannot be known. */
export function rootsTouchedByUpdate(doc: Y.Doc, update: Uint8Array): Set<TouchedRoot> {
  const { structs, ds } = Y.decodeUpdate(update)
  const byClient = indexByClient(structs)
  const touched = new Set<TouchedRoot>()

  const rootOfId = (id: Y.ID, depth: number): TouchedRoot => {
    const known = findDocStruct(doc, id)
    if (known instanceof Y.Item) return rootNameOfType(known.parent as Y.AbstractType<unknown>)
    if (known) return UNRESOLVED_ROOT
    const incoming = findUpdateStruct(byClient, id)
    return incoming instanceof Y.Item ? rootOfIncoming(incoming, depth + 1) : UNRESOLVED_ROOT
  }

  // An item names its parent only when it has no neighbours; otherwise it shares its neighbour's parent.
  const rootOfIncoming = (item: Y.Item, depth: number): TouchedRoot => {
    if (depth > structs.length + 1) return UNRESOLVED_ROOT
    const parent = item.parent as unknown
    if (typeof parent === 'string') return parent
    if (parent instanceof Y.ID) return rootOfId(parent, depth)
    const neighbour = item.origin ?? item.rightOrigin
    return neighbour ? rootOfId(neighbour, depth) : UNRESOLVED_ROOT
  }

  for (const struct of structs) {
    // Structs the doc already holds change nothing: y-indexeddb re-sends a whole stored copy on load.
    const alreadyHeld = findDocStruct(doc, Y.createID(struct.id.client, struct.id.clock + struct.length - 1)) !== null
    if (struct instanceof Y.Item && !alreadyHeld) touched.add(rootOfIncoming(struct, 0))
  }
  for (const [client, deletions] of ds.clients) {
    for (const { clock, len } of deletions) {
      for (let c = clock; c < clock + len; ) {
        const id = Y.createID(client, c)
        const known = findDocStruct(doc, id)
        const struct = known ?? findUpdateStruct(byClient, id)
        // Yjs keeps a deletion of a not-yet-seen struct and applies it on arrival: unknowable now.
        if (!struct) {
          touched.add(UNRESOLVED_ROOT)
          break
        }
        // Every sync step 2 repeats the sender's whole delete set: a deletion the doc already has changes nothing.
        const alreadyDeleted = known instanceof Y.Item && known.deleted
        if (struct instanceof Y.Item && !alreadyDeleted) touched.add(rootOfId(struct.id, 0))
        c = struct.id.clock + struct.length
      }
    }
  }
  return touched
}
