import { afterEach } from 'vitest'
import { connectClient, connectPerson, type PersonClient, type TestClient } from './yclient'

export interface TrackedClients {
  /** A real y-websocket client on the server `wsUrl()` names now (as a person, with `opts.token`). */
  client(boardId: string, secret: string, opts?: Parameters<typeof connectClient>[3]): TestClient
  /** A client that joined as a person first, so it may write (connectPerson). */
  person(boardId: string, secret: string, opts?: Parameters<typeof connectPerson>[3]): Promise<PersonClient>
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
    client(boardId, secret, opts) {
      const c = connectClient(wsUrl(), boardId, secret, opts)
      clients.push(c)
      return c
    },
    async person(boardId, secret, opts) {
      const c = await connectPerson(wsUrl(), boardId, secret, opts)
      clients.push(c)
      return c
    },
    destroyClients,
  }
}
