// Presence (cursors, names) over Yjs awareness: the rate both sides keep to. Who a client is
// travels in its `person` field (presencePerson.ts); this module imports nothing, so the server
// reads its settings without loading the validators.

/** The server forwards a board's presence at most once per this interval (20 a second), and each client sends its cursor no more often. */
export const PRESENCE_INTERVAL_MS = 50
/** Largest presence state of one client, in bytes of JSON (a cursor and a name need a few hundred). */
export const MAX_PRESENCE_BYTES = 8 * 1024
