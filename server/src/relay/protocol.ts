import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

// The y-websocket protocol (y-protocols): each message starts with its type as a varuint.
export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const MESSAGE_AUTH = 2
export const MESSAGE_QUERY_AWARENESS = 3

// Sync messages carry a second varuint: their step.
export const SYNC_STEP_1 = 0
export const SYNC_STEP_2 = 1
export const SYNC_UPDATE = 2

// WebSocket close codes (RFC 6455) the relay uses.
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

export type IncomingMessage =
  | { kind: 'sync-step-1'; stateVector: Uint8Array }
  | { kind: 'sync-step-2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' }

/** A message the relay cannot accept; `closeCode` is what its connection is closed with. */
export class ProtocolError extends Error {
  constructor(
    message: string,
    readonly closeCode: number,
  ) {
    super(message)
  }
}

function readPayload(decoder: decoding.Decoder, what: string): Uint8Array {
  try {
    const payload = decoding.readVarUint8Array(decoder)
    if (decoding.hasContent(decoder)) throw new Error('trailing bytes')
    return payload
  } catch (error) {
    throw new ProtocolError(`malformed ${what} message (${(error as Error).message})`, CLOSE_INVALID_PAYLOAD)
  }
}

function readVarUintOrFail(decoder: decoding.Decoder): number {
  try {
    return decoding.readVarUint(decoder)
  } catch {
    throw new ProtocolError('truncated message header', CLOSE_INVALID_PAYLOAD)
  }
}

/** Decodes one client message; throws a ProtocolError for anything malformed or unknown. */
export function decodeMessage(bytes: Uint8Array): IncomingMessage {
  const decoder = decoding.createDecoder(bytes)
  const type = readVarUintOrFail(decoder)
  switch (type) {
    case MESSAGE_SYNC: {
      const step = readVarUintOrFail(decoder)
      if (step === SYNC_STEP_1) return { kind: 'sync-step-1', stateVector: readPayload(decoder, 'sync step 1') }
      if (step === SYNC_STEP_2) return { kind: 'sync-step-2', update: readPayload(decoder, 'sync step 2') }
      if (step === SYNC_UPDATE) return { kind: 'update', update: readPayload(decoder, 'update') }
      throw new ProtocolError(`unknown sync step ${step}`, CLOSE_UNSUPPORTED_DATA)
    }
    case MESSAGE_AWARENESS:
      return { kind: 'awareness', update: readPayload(decoder, 'awareness') }
    case MESSAGE_QUERY_AWARENESS:
      if (decoding.hasContent(decoder)) throw new ProtocolError('malformed query-awareness message', CLOSE_INVALID_PAYLOAD)
      return { kind: 'query-awareness' }
    default:
      throw new ProtocolError(`unknown message type ${type}`, CLOSE_UNSUPPORTED_DATA)
  }
}

function encodeWith(type: number, step: number | null, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, type)
  if (step !== null) encoding.writeVarUint(encoder, step)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

export const encodeSyncStep1 = (stateVector: Uint8Array): Uint8Array => encodeWith(MESSAGE_SYNC, SYNC_STEP_1, stateVector)
export const encodeSyncStep2 = (update: Uint8Array): Uint8Array => encodeWith(MESSAGE_SYNC, SYNC_STEP_2, update)
export const encodeUpdate = (update: Uint8Array): Uint8Array => encodeWith(MESSAGE_SYNC, SYNC_UPDATE, update)
export const encodeAwareness = (update: Uint8Array): Uint8Array => encodeWith(MESSAGE_AWARENESS, null, update)
