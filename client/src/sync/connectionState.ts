// What the connection badge shows, derived from the browser and the websocket provider.

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline'

export interface ConnectionFacts {
  /** `navigator.onLine`: false means certainly offline, true only means maybe online. */
  browserOnline: boolean
  socketConnected: boolean
  /** Whether this provider has ever been connected (so a retry is a reconnection). */
  everConnected: boolean
  /** Failed connection attempts since the last success (y-websocket's `wsUnsuccessfulReconnects`). */
  failedAttempts: number
}

/** After this many failed attempts in a row the board counts as offline, not reconnecting. */
export const OFFLINE_AFTER_FAILED_ATTEMPTS = 3

export function connectionStateOf(facts: ConnectionFacts): ConnectionState {
  if (!facts.browserOnline) return 'offline'
  if (facts.socketConnected) return 'connected'
  if (facts.failedAttempts >= OFFLINE_AFTER_FAILED_ATTEMPTS) return 'offline'
  return facts.everConnected ? 'reconnecting' : 'connecting'
}
