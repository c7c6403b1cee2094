import { afterEach } from 'vitest'
import { connectClient, type TestClient } from './yclient'

export interface TrackedClients {
  /** A real y-websocket client on the server `wsUrl()` names now. */
  client(boardId: string, secret: string): TestClient
  /** Destroys every client made so far (also done after each test). */
  destroyClients(): void
}

/** Real y-websocket clients for one test file, each destroyed after the test that made it. */
export function trackedClients(wsUrl: () => string): TrackedClients {
  const clients: TestClient[] = []
  const destroyClients = () => {
    for (const c of clients.splice(0)) c.destroy()
  }
  afterEach(destroyClients)
  return {
    client(boardId, secret) {
      const c = connectClient(wsUrl(), boardId, secret)
      clients.push(c)
      return c
    },
    destroyClients,
  }
}
