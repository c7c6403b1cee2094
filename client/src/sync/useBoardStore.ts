import { useEffect, useState } from 'react'
import {
  atom,
  computed,
  createTLStore,
  defaultShapeUtils,
  type Signal,
  type TLAnyShapeUtilConstructor,
  type TLAssetStore,
  type TLStore,
  type TLStoreWithStatus,
} from 'tldraw'
import { upgradeDocFormat } from '../../../shared/src/doc/docFormat'
import { i18next } from '../i18n/i18n'
import type * as Y from 'yjs'
import { bindStoreToDoc, type BindingStatus, type StoreDocBinding } from './bindStoreToDoc'
import { retainBoardConnection, type BoardConnection } from './boardConnections'
import { whenBoardIsHere } from './offline'
import type { PresencePerson } from '../../../shared/src/wire/presencePerson'
import { personAsUser } from './presence'

// The tldraw store of one board connection, from creation to disposal: bound to the Y.Doc once
// the board is here, with the status <Tldraw store> shows meanwhile.

/** Binds `personId`'s private `draftDoc` beside the board's binding; returns the unbinding. */
export type DraftBinder = (binding: StoreDocBinding, store: TLStore, boardDoc: Y.Doc, draftDoc: Y.Doc, personId: string) => () => void

export interface BoardStoreOptions {
  connection: BoardConnection
  /** This person's private draft, bound beside the board with `bindDraft` (editors only), or null. */
  draft: { connection: BoardConnection; bindDraft: DraftBinder } | null
  /** Tavolo's own shape utils (tldraw's defaults are added here). Keep the array stable. */
  shapeUtils: readonly TLAnyShapeUtilConstructor[]
  readOnly: boolean
  /** The facilitator's client: brings an older board up to the current document format (only the facilitator writes `meta`). */
  upgradesFormat: boolean
  /** Where dropped images go. Keep it stable. */
  assets?: TLAssetStore
  /** This person, as the store's current user. */
  $person: Signal<PresencePerson>
  /** The connection as tldraw's offline indicator sees it. */
  $online: Signal<'online' | 'offline'>
}

export interface BoardStore {
  /** Pass to `<Tldraw store>`: loading until the board is loaded from the server or this device. */
  store: TLStoreWithStatus
  /** The store once bound to the board, else null. */
  boundStore: TLStore | null
  /** The board was saved by a newer Tavolo: nothing is written; ask the person to reload. */
  tooOld: boolean
}

const LOADING: TLStoreWithStatus = { status: 'loading' }

export function useBoardStore(options: BoardStoreOptions): BoardStore {
  const { connection, shapeUtils, readOnly, upgradesFormat, assets, $person, $online } = options
  const draft = options.draft?.connection ?? null
  const bindDraft = options.draft?.bindDraft ?? null
  const [store, setStore] = useState<TLStoreWithStatus>(LOADING)
  const [boundStore, setBoundStore] = useState<TLStore | null>(null)
  const [tooOld, setTooOld] = useState(false)

  useEffect(() => {
    const release = retainBoardConnection(connection)
    const releaseDraft = draft ? retainBoardConnection(draft) : () => {}
    const tlStore = createTLStore({
      shapeUtils: [...defaultShapeUtils, ...shapeUtils],
      ...(assets ? { assets } : {}),
      users: { currentUser: computed('current user', () => personAsUser($person.get())) },
      collaboration: {
        status: $online,
        mode: atom<'readonly' | 'readwrite'>('mode', readOnly ? 'readonly' : 'readwrite'),
      },
    })
    let started = false
    let disposeBinding = () => {}
    setStore(LOADING)
    setTooOld(false)

    const onBindingStatus = (status: BindingStatus) => {
      if (status.kind === 'too-old') setTooOld(true)
      if (status.kind === 'error') setStore({ status: 'error', error: new Error(status.message) })
    }
    const stopWaiting = whenBoardIsHere(connection, () => {
      started = true
      const binding = bindStoreToDoc(tlStore, connection.doc, { readOnly, onStatusChange: onBindingStatus })
      disposeBinding = binding.dispose
      if (binding.getStatus().kind !== 'synced') return onBindingStatus(binding.getStatus())
      // Here, not in any panel: the board is loaded and not too new for this client.
      if (upgradesFormat) upgradeDocFormat(connection.doc)
      // Bound at once, not when the draft has synced: a card made meanwhile must not reach the board.
      if (draft?.draftOf && bindDraft) {
        const unbindDraft = bindDraft(binding, tlStore, connection.doc, draft.doc, draft.draftOf)
        disposeBinding = () => {
          unbindDraft()
          binding.dispose()
        }
      }
      setBoundStore(tlStore)
      setStore({ status: 'synced-remote', connectionStatus: 'online', store: tlStore })
    })
    const onRefused = ({ code, reason }: { code: number; reason: string }) => {
      if (!started) setStore({ status: 'error', error: new Error(i18next.t('errors.boardClosed', { code, reason })) })
    }
    connection.provider.on('closed', onRefused)

    return () => {
      stopWaiting()
      connection.provider.off('closed', onRefused)
      disposeBinding()
      setBoundStore(null)
      tlStore.dispose()
      release()
      releaseDraft()
    }
  }, [connection, draft, bindDraft, shapeUtils, readOnly, upgradesFormat, assets, $person, $online])

  return { store, boundStore, tooOld }
}
