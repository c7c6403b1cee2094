// pg asks at import whether it runs in a Cloudflare Worker: without `navigator` (Node 20) by making
// a `Response`, whose first use loads Node's fetch (undici), about 9 MB resident and 40 ms of
// processor time for a server that never fetches. postgres.ts imports this module just before pg
// (the order matters) and puts `Response` back right after: pg finds none and picks Node's
// sockets, as it does when it finds one.
const response = Object.getOwnPropertyDescriptor(globalThis, 'Response')
Object.defineProperty(globalThis, 'Response', { value: undefined, configurable: true, writable: true })

/** Puts the global `Response` back as it was, once pg has loaded. */
export function restoreResponse(): void {
  if (response) Object.defineProperty(globalThis, 'Response', response)
  else delete (globalThis as { Response?: unknown }).Response
}
