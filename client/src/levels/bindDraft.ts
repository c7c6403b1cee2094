import type { TLStore } from 'tldraw'
import type * as Y from 'yjs'
import { SESSION_ROOT } from '../../../shared/src/doc/roots'
import { storeZoneOfCard } from '../cards/zoneOnPage'
import { privateCardIds } from './draftCards'
import { goesToDraft } from './draftRouting'
import type { StoreDocBinding } from '../sync/bindStoreToDoc'
import { recordsKeyValue } from '../sync/recordsKeyValue'

// A person's private draft bound beside the board: while a drafting round is open their new cards
// in its scope go to the draft doc (which the relay serves to them alone), and the card views
// learn which cards are private.

/** Binds `personId`'s `draftDoc` into the board's binding; returns the unbinding. */
export function bindDraft(binding: StoreDocBinding, store: TLStore, boardDoc: Y.Doc, draftDoc: Y.Doc, personId: string): () => void {
  const session = boardDoc.getMap<unknown>(SESSION_ROOT)
  const zoneOf = storeZoneOfCard(store)
  const unbind = binding.addDoc(draftDoc, (record) => goesToDraft(record, () => session.toJSON(), zoneOf, personId))
  const kv = recordsKeyValue(draftDoc)
  const ids = privateCardIds(store)
  const update = () => ids.set(new Set(kv.map.keys()))
  update()
  kv.on('change', update)
  return () => {
    kv.off('change', update)
    ids.set(new Set())
    unbind()
  }
}
