import type { BrowserContext } from 'playwright-core'
import WebSocket from 'ws'

// Shows the local server to a browser context as if it were deployed at `origin` (a real domain
// over https, or a venue LAN name over plain http), to see the app outside loopback's special
// treatment: secure-context APIs and tldraw's licence rules. Requests to any other host are aborted.
export async function serveAsOrigin(context: BrowserContext, origin: string, serverUrl: string): Promise<void> {
  const socketOrigin = origin.replace(/^http/, 'ws')
  await context.route(
    () => true,
    async (route) => {
      const url = new URL(route.request().url())
      if (url.origin !== origin) return route.abort()
      try {
        await route.fulfill({ response: await route.fetch({ url: serverUrl + url.pathname + url.search }) })
      } catch (error) {
        // A test that closes its page while a request is in flight disposes of the request; any
        // other failure is real.
        if (!/disposed|closed/i.test((error as Error).message)) throw error
      }
    },
  )
  await context.routeWebSocket(
    () => true,
    (page) => {
      const url = new URL(page.url())
      if (url.origin !== socketOrigin) return page.close()
      const server = new WebSocket(serverUrl.replace(/^http/, 'ws') + url.pathname + url.search)
      const pending: (string | Buffer)[] = []
      server.on('open', () => pending.splice(0).forEach((message) => server.send(message)))
      server.on('message', (data: Buffer, isBinary) => page.send(isBinary ? data : data.toString()))
      server.on('close', (code, reason) => page.close({ code, reason: reason.toString() }))
      page.onMessage((message) => (server.readyState === WebSocket.OPEN ? server.send(message) : pending.push(message)))
      page.onClose(() => server.close())
    },
  )
}
