import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { draftDocName, DRAFT_PARAM } from '../../../shared/src/levels/draftDoc'
import { PERSON_TOKEN_PARAM, SECRET_PARAM, WEBSOCKET_PATH } from '../../../shared/src/wire/api'
import { createRefCountedRegistry } from './refCountedRegistry'

// One Y.Doc, websocket provider and IndexedDB copy per open board (and per person's private draft
// of it), shared by every component that shows it, so StrictMode's double mount and quick remounts
// never open a second provider.

export interface BoardConnection {
  readonly boardId: string
  readonly secret: string
  readonly token: string | undefined
  /** The person whose private draft this is (`?draft=1`), or null for the board itself. */
  readonly draftOf: string | null
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  readonly local: IndexeddbPersistence
  /** Whether the websocket has connected at least once (a later drop is a reconnection). */
  everConnected: boolean
}

/** How long an unused connection lives on, so a remount picks it up again. */
export const RELEASE_GRACE_MS = 2_000

/** The websocket base of the server this page came from: ws(s)://host. */
export function websocketBase(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`
}

/** The IndexedDB database name of a board's offline copy. */
export function localCopyName(boardId: string): string {
  return `tavolo-board-${boardId}`
}

const keyOf = (boardId: string, secret: string, token: string | undefined, draftOf: string | null) =>
  JSON.stringify([boardId, secret, token ?? null, draftOf])

/** The websocket's query: the link's secret (`k`), once joined the person token (`p`), and `draft` for one's own draft. */
function connectionParams(secret: string, token: string | undefined, draft: boolean): Record<string, string> {
  return { [SECRET_PARAM]: secret, ...(token ? { [PERSON_TOKEN_PARAM]: token } : {}), ...(draft ? { [DRAFT_PARAM]: '1' } : {}) }
}

const connections = createRefCountedRegistry<BoardConnection>({
  create: (key) => {
    const [boardId, secret, storedToken, draftOf] = JSON.parse(key) as [string, string, string | null, string | null]
    const token = storedToken ?? undefined
    const doc = new Y.Doc()
    // No BroadcastChannel: a tab's changes would reach this browser's other tabs, and the server
    // through their connections, unchecked by the rules the server applies per connection.
    const provider = new WebsocketProvider(`${websocketBase(window.location)}${WEBSOCKET_PATH}`, boardId, doc, {
      params: connectionParams(secret, token, draftOf !== null),
      disableBc: true,
    })
    const local = new IndexeddbPersistence(draftOf === null ? localCopyName(boardId) : localCopyName(draftDocName(boardId, draftOf)), doc)
    const connection: BoardConnection = { boardId, secret, token, draftOf, doc, provider, local, everConnected: false }
    provider.on('status', ({ status }) => {
      if (status === 'connected') connection.everConnected = true
    })
    return connection
  },
  destroy: ({ provider, local, doc }) => {
    provider.destroy()
    void local.destroy()
    doc.destroy()
  },
  graceMs: RELEASE_GRACE_MS,
})

/** The board's connection, opened if needed; safe to call during render. */
export function openBoardConnection(boardId: string, secret: string, token?: string): BoardConnection {
  return connections.open(keyOf(boardId, secret, token, null))
}

/** The person's own private draft of the board (their token says who), opened if needed. */
export function openDraftConnection(boardId: string, secret: string, token: string, personId: string): BoardConnection {
  return connections.open(keyOf(boardId, secret, token, personId))
}

/** Marks the connection in use; returns the matching release. */
export function retainBoardConnection(connection: BoardConnection): () => void {
  return connections.retain(keyOf(connection.boardId, connection.secret, connection.token, connection.draftOf), connection)
}
