import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import type { PersonRole } from '../../shared/src/roles'
import { DRAFT_PARAM } from '../../shared/src/levels/draftDoc'
import { joinBoardViaApi } from './server'

export interface TestClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Disconnects and frees the provider and the doc. */
  destroy(): void
}

/**
 * A stock y-websocket provider in Node, as any outside client would use it; without `token` it
 * reads only, with one it writes as that person (connectPerson). BroadcastChannel
 * is off so that two clients in one process can only meet through the server.
 */
export function connectClient(
  wsUrl: string,
  boardId: string,
  secret: string,
  opts: { doc?: Y.Doc; token?: string; draft?: boolean } = {},
): TestClient {
  const doc = opts.doc ?? new Y.Doc()
  const provider = new WebsocketProvider(wsUrl, boardId, doc, {
    // `draft`: the person's own draft document instead of the board's (shared/src/levels/drafting.ts).
    params: { k: secret, ...(opts.token ? { p: opts.token } : {}), ...(opts.draft ? { [DRAFT_PARAM]: '1' } : {}) },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
  })
  return {
    doc,
    provider,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

export interface PersonClient extends TestClient {
  personId: string
  token: string
}

/**
 * Joins the board as a person (POST /api/boards/:id/people) and connects as them. Only a person
 * writes: a connection without a token reads only.
 */
export async function connectPerson(
  wsUrl: string,
  boardId: string,
  secret: string,
  opts: { doc?: Y.Doc; name?: string; role?: PersonRole } = {},
): Promise<PersonClient> {
  const httpUrl = wsUrl.replace(/^ws/, 'http').replace(/\/ws$/, '')
  const { personId, token } = await joinBoardViaApi(httpUrl, boardId, secret, { name: opts.name ?? 'Ada', role: opts.role ?? 'professional' })
  return { ...connectClient(wsUrl, boardId, secret, { doc: opts.doc, token }), personId, token }
}

/** Polls until `predicate` holds; fails with `what` after `timeoutMs`. */
export async function waitFor(predicate: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

export function waitForSync(client: TestClient, timeoutMs = 15_000): Promise<void> {
  return waitFor(() => client.provider.synced, 'the provider to sync', timeoutMs)
}

/** Resolves once both docs hold the same state. */
export function waitForConvergence(a: Y.Doc, b: Y.Doc, timeoutMs = 15_000): Promise<void> {
  const same = () => Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)))
  return waitFor(same, 'the documents to converge', timeoutMs)
}
