import { chromium, type Browser, type BrowserContext } from 'playwright-core'
import { findChromium } from './chromium'

// Flags keep Chromium from calling home (updates, sync, safe-browsing lists) so the "no request
// leaves the origin" check sees only what the app itself asks for.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
}

export interface RequestLog {
  /** Every URL the context's pages requested (http, https and websocket). */
  readonly urls: string[]
  /** URLs whose origin is not `origin`; data: and blob: URLs never leave the browser and are ignored. */
  foreignTo(origin: string): string[]
}

/** Records every request and websocket a context opens, from the moment this is called. */
export function recordRequests(context: BrowserContext): RequestLog {
  const urls: string[] = []
  context.on('request', (request) => urls.push(request.url()))
  context.on('page', (page) => page.on('websocket', (socket) => urls.push(socket.url())))
  return {
    urls,
    foreignTo(origin: string) {
      const wsOrigin = origin.replace(/^http/, 'ws')
      return urls.filter((url) => {
        if (url.startsWith('data:') || url.startsWith('blob:')) return false
        const urlOrigin = new URL(url).origin
        return urlOrigin !== origin && urlOrigin !== wsOrigin
      })
    },
  }
}
