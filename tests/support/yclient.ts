import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'

export interface TestClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Disconnects and frees the provider and the doc. */
  destroy(): void
}

/**
 * A stock y-websocket provider in Node, as any outside client would use it; with `token`, it
 * writes as that person (POST /api/boards/:id/people). BroadcastChannel
 * is off so that two clients in one process can only meet through the server.
 */
export function connectClient(wsUrl: string, boardId: string, secret: string, opts: { doc?: Y.Doc; token?: string } = {}): TestClient {
  const doc = opts.doc ?? new Y.Doc()
  const provider = new WebsocketProvider(wsUrl, boardId, doc, {
    params: opts.token ? { k: secret, p: opts.token } : { k: secret },
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
