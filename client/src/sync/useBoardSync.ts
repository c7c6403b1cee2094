import { useMemo } from 'react'
import type { TLAnyShapeUtilConstructor, TLAssetStore, TLCurrentUser, TLStoreWithStatus } from 'tldraw'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import type { AccessRole } from '../../../shared/src/roles'
import { openBoardConnection, openDraftConnection } from './boardConnections'
import type { ConnectionState } from './connectionState'
import { useConnectionState, useDisconnectWhileOffline, useOnlineSignal } from './offline'
import type { PresencePerson } from '../../../shared/src/wire/presencePerson'
import type { PresentPerson } from './presence'
import { useBoardPerson } from './useBoardPerson'
import { useBoardStore, type DraftBinder } from './useBoardStore'
import { usePresentPeople } from './usePresentPeople'

// One board as a screen uses it: its connection, the tldraw store bound to it (useBoardStore.ts),
// this person (useBoardPerson.ts) and who else is here (usePresentPeople.ts), and working offline (offline.ts).

export interface UseBoardSyncOptions {
  boardId: string
  secret: string
  /** The person token from joining (POST /api/boards/:id/people); without it the server lets this connection only read. */
  token?: string
  person: Omit<PresencePerson, 'accessRole'>
  /** Tavolo's own shape utils (tldraw's defaults are added here). Keep the array stable. */
  shapeUtils: readonly TLAnyShapeUtilConstructor[]
  /** A viewer: the editor is read-only and nothing is written to the board. */
  readOnly: boolean
  /** Where dropped images go (uploaded to the server, never inlined). Keep it stable. */
  assets?: TLAssetStore
  /** Shown to others in the people list; defaults to viewer when read-only, else editor. */
  accessRole?: AccessRole
  /** Binds an editor's private draft beside the board (the board screen passes the levels' bindDraft); without it no draft is opened. Keep it stable. */
  bindDraft?: DraftBinder
}

export interface BoardSync {
  /** Pass to `<Tldraw store>`: loading until the board is loaded from the server or this device. */
  store: TLStoreWithStatus
  doc: Y.Doc
  provider: WebsocketProvider
  /** This person's private draft's provider (editors only), else null. */
  draftProvider: WebsocketProvider | null
  connection: ConnectionState
  /** The board was saved by a newer Tavolo: nothing is written; ask the person to reload. */
  tooOld: boolean
  /** Everyone connected, this client first (viewers included). */
  presentPeople: PresentPerson[]
  /** Pass to `<Tldraw user>`: the editor's user is this person, as their presence says. */
  user: TLCurrentUser
  /** Drops this device's copy of the board (a reload then takes the server's). */
  clearLocalCopy(): Promise<void>
}

export function useBoardSync(options: UseBoardSyncOptions): BoardSync {
  const { boardId, secret, token, person, shapeUtils, readOnly, assets, bindDraft } = options
  const accessRole = options.accessRole ?? (readOnly ? 'viewer' : 'editor')
  const connection = useMemo(() => openBoardConnection(boardId, secret, token), [boardId, secret, token])
  // An editor drafts privately when a round is open; the facilitator, viewers and the projector never do.
  const drafts = accessRole === 'editor' && !readOnly && bindDraft !== undefined
  const draft = useMemo(() => (drafts && token ? openDraftConnection(boardId, secret, token, person.id) : null), [drafts, boardId, secret, token, person.id])
  const draftBinding = useMemo(() => (draft && bindDraft ? { connection: draft, bindDraft } : null), [draft, bindDraft])
  const personInfo = useMemo<PresencePerson>(
    () => ({ id: person.id, name: person.name, role: person.role, colour: person.colour, accessRole }),
    [person.id, person.name, person.role, person.colour, accessRole],
  )
  const connectionState = useConnectionState(connection)
  useDisconnectWhileOffline(connection)
  useDisconnectWhileOffline(draft)
  const $online = useOnlineSignal(connectionState)
  const { $person, user } = useBoardPerson(connection, personInfo, readOnly)
  const upgradesFormat = accessRole === 'facilitator' && !readOnly
  const { store, boundStore, tooOld } = useBoardStore({ connection, draft: draftBinding, shapeUtils, readOnly, upgradesFormat, assets, $person, $online })
  const presentPeople = usePresentPeople(connection, boundStore, $person)

  return {
    store,
    doc: connection.doc,
    provider: connection.provider,
    draftProvider: draft?.provider ?? null,
    connection: connectionState,
    tooOld,
    presentPeople,
    user,
    clearLocalCopy: async () => {
      await connection.local.clearData()
      await draft?.local.clearData()
    },
  }
}
