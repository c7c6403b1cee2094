// Every WebSocket close code the relay sends and the client reads, defined once.

// RFC 6455 codes.
export const CLOSE_UNSUPPORTED_DATA = 1003
export const CLOSE_INVALID_PAYLOAD = 1007
export const CLOSE_POLICY_VIOLATION = 1008
export const CLOSE_MESSAGE_TOO_BIG = 1009
export const CLOSE_INTERNAL_ERROR = 1011
/** Shutting down (SIGTERM) with everything stored: clients reconnect, to another instance if any. */
export const CLOSE_SERVICE_RESTART = 1012

// Application codes in 4400–4499: the stock y-websocket provider stops reconnecting on them and
// emits 'closed' with the reason, so a client can tell the person instead of retrying forever.
/** The secret this connection used was replaced by the facilitator. */
export const CLOSE_SECRET_ROTATED = 4401
/** The connection sent an edit its role may not make. */
export const CLOSE_FORBIDDEN_WRITE = 4403

