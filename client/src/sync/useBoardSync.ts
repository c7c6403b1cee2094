import { useEffect, useMemo, useState } from 'react'
import {
  atom,
  computed,
  createTLStore,
  defaultShapeUtils,
  react,
  type TLAnyShapeUtilConstructor,
  type TLAssetStore,
  type TLCurrentUser,
  type TLStoreWithStatus,
} from 'tldraw'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { recordsArray } from '../../../shared/src/doc/recordsRoot'
import type { AccessRole } from '../../../shared/src/roles'
import { bindStoreToDoc, type BindingStatus } from './bindStoreToDoc'
import { createBoardUser } from './boardUser'
import { openBoardConnection, retainBoardConnection, type BoardConnection } from './boardConnections'
import { connectionStateOf, type ConnectionState } from './connectionState'
import { writeOwnPeopleEntry } from './peopleEntry'
import { bindPresence, personAsUser, type PersonInfo, type PresentPerson } from './presence'

export interface BoardSyncPerson {
  id: string
  name: string
  role: string
  colour: string
}

export interface UseBoardSyncOptions {
  boardId: string
  secret: string
  person: BoardSyncPerson
  /** Tavolo's own shape utils (tldraw's defaults are added here). Keep the array stable. */
  shapeUtils: readonly TLAnyShapeUtilConstructor[]
  /** A viewer: the editor is read-only and nothing is written to the board. */
  readOnly: boolean
  /** Where dropped images go (uploaded to the server, never inlined). Keep it stable. */
  assets?: TLAssetStore
  /** Shown to others in the people list; defaults to viewer when read-only, else editor. */
  accessRole?: AccessRole
}

export interface BoardSync {
  /** Pass to `<Tldraw store>`: loading until the board is loaded from the server or this device. */
  store: TLStoreWithStatus
  doc: Y.Doc
  provider: WebsocketProvider
  connection: ConnectionState
  /** The board was saved by a newer Tavolo: nothing is written; ask the person to reload. */
  tooOld: boolean
  /** Everyone connected, this client first (viewers included). */
  presentPeople: PresentPerson[]
  /** Pass to `<Tldraw user>`: the editor's user is this person, as their presence says. */
  user: TLCurrentUser
}

const LOADING: TLStoreWithStatus = { status: 'loading' }

export function useBoardSync(options: UseBoardSyncOptions): BoardSync {
  const { boardId, secret, person, shapeUtils, readOnly, assets } = options
  const accessRole = options.accessRole ?? (readOnly ? 'viewer' : 'editor')
  const connection = useMemo(() => openBoardConnection(boardId, secret), [boardId, secret])
  const personInfo = useMemo<PersonInfo>(
    () => ({ id: person.id, name: person.name, role: person.role, colour: person.colour, accessRole }),
    [person.id, person.name, person.role, person.colour, accessRole],
  )
  // Read by the running session; a name or colour change updates it without a reload.
  const [$person] = useState(() => atom('board person', personInfo))
  const [user] = useState(() => createBoardUser($person))
  const [store, setStore] = useState<TLStoreWithStatus>(LOADING)
  const [tooOld, setTooOld] = useState(false)
  const [presentPeople, setPresentPeople] = useState<PresentPerson[]>([])
  const connectionState = useConnectionState(connection)
  // tldraw's own view of the connection, for its offline indicator.
  const [$online] = useState(() => atom<'online' | 'offline'>('connection', 'online'))
  useEffect(() => {
    $online.set(connectionState === 'offline' ? 'offline' : 'online')
  }, [$online, connectionState])

  useEffect(() => {
    $person.set(personInfo)
    if (!readOnly) writeOwnPeopleEntry(connection.doc, personInfo.id, personInfo)
  }, [$person, personInfo, readOnly, connection])

  useEffect(() => {
    const release = retainBoardConnection(connection)
    const { doc, provider, local } = connection
    const tlStore = createTLStore({
      shapeUtils: [...defaultShapeUtils, ...shapeUtils],
      ...(assets ? { assets } : {}),
      users: { currentUser: computed('current user', () => personAsUser($person.get())) },
      collaboration: {
        status: $online,
        mode: atom<'readonly' | 'readwrite'>('mode', readOnly ? 'readonly' : 'readwrite'),
      },
    })
    const stops: (() => void)[] = []
    let started = false
    setStore(LOADING)
    setTooOld(false)

    const onBindingStatus = (status: BindingStatus) => {
      if (status.kind === 'too-old') setTooOld(true)
      if (status.kind === 'error') setStore({ status: 'error', error: new Error(status.message) })
    }

    // Bind only once the board is really here, so an empty doc never overwrites it: after the
    // server's first sync, or from this device's copy when the server cannot be reached.
    const start = () => {
      if (started) return
      started = true
      const binding = bindStoreToDoc(tlStore, doc, { readOnly, onStatusChange: onBindingStatus })
      stops.push(binding.dispose)
      if (binding.getStatus().kind !== 'synced') return onBindingStatus(binding.getStatus())
      const presence = bindPresence(tlStore, provider.awareness, $person)
      stops.push(presence.dispose, react('present people', () => setPresentPeople(presence.people.get())))
      setStore({ status: 'synced-remote', connectionStatus: 'online', store: tlStore })
    }
    const startFromLocalCopyIfOffline = () => {
      const serverUnreachable = !navigator.onLine || (!provider.wsconnected && provider.wsUnsuccessfulReconnects > 0)
      if (local.synced && serverUnreachable && recordsArray(doc).length > 0) start()
    }
    // y-websocket counts the failed attempt just after emitting 'connection-close'.
    const afterClose = () => queueMicrotask(startFromLocalCopyIfOffline)
    const onSync = (synced: boolean) => synced && start()
    const onRefused = ({ code, reason }: { code: number; reason: string }) => {
      if (!started) setStore({ status: 'error', error: new Error(`The server closed the board (${code}): ${reason}`) })
    }

    if (provider.synced) start()
    provider.on('sync', onSync)
    provider.on('connection-close', afterClose)
    provider.on('closed', onRefused)
    window.addEventListener('offline', startFromLocalCopyIfOffline)
    void local.whenSynced.then(startFromLocalCopyIfOffline)
    stops.push(() => {
      provider.off('sync', onSync)
      provider.off('connection-close', afterClose)
      provider.off('closed', onRefused)
      window.removeEventListener('offline', startFromLocalCopyIfOffline)
    })

    return () => {
      // A late whenSynced after cleanup must not bind a disposed store.
      started = true
      stops.splice(0).forEach((stop) => stop())
      tlStore.dispose()
      setPresentPeople([])
      release()
    }
  }, [connection, shapeUtils, readOnly, assets, $person])

  return { store, doc: connection.doc, provider: connection.provider, connection: connectionState, tooOld, presentPeople, user }
}

function readConnectionState(connection: BoardConnection): ConnectionState {
  return connectionStateOf({
    browserOnline: navigator.onLine,
    socketConnected: connection.provider.wsconnected,
    everConnected: connection.everConnected,
    failedAttempts: connection.provider.wsUnsuccessfulReconnects,
  })
}

/** The connection badge's state, following the provider's status and the browser's online flag. */
function useConnectionState(connection: BoardConnection): ConnectionState {
  const [state, setState] = useState(() => readConnectionState(connection))
  useEffect(() => {
    const update = () => setState(readConnectionState(connection))
    // y-websocket counts the failed attempt just after emitting 'connection-close'.
    const afterClose = () => queueMicrotask(update)
    update()
    connection.provider.on('status', update)
    connection.provider.on('connection-close', afterClose)
    window.addEventListener('online', update)
    window.addEventListener('offline', update)
    return () => {
      connection.provider.off('status', update)
      connection.provider.off('connection-close', afterClose)
      window.removeEventListener('online', update)
      window.removeEventListener('offline', update)
    }
  }, [connection])
  return state
}
