import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync'
import { messageAwareness, messageQueryAwareness, messageSync } from 'y-websocket'
import { CLOSE_INVALID_PAYLOAD, CLOSE_UNSUPPORTED_DATA } from '../../../shared/src/wire/closeCodes'

/**
 * The y-websocket protocol, as the relay speaks it. Each binary message is
 *   [messageType: varUint, ...body]
 * with the message types of y-websocket and the sync steps of y-protocols/sync:
 *   messageSync, messageYjsSyncStep1, stateVector: varUint8Array   "what I have"; answered with step 2
 *   messageSync, messageYjsSyncStep2, update: varUint8Array        "what you were missing"
 *   messageSync, messageYjsUpdate, update: varUint8Array           a live edit
 *   messageAwareness, awarenessUpdate: varUint8Array               presence (y-protocols/awareness)
 *   messageQueryAwareness                                          "send me everyone's presence"
 * A client opens with step 1; the relay answers with step 2 and its own step 1, and the client
 * answers that with step 2. y-websocket's messageAuth is never sent: access is checked once, at the
 * HTTP upgrade. Unlike y-protocols' readers, `decodeMessage` refuses anything malformed, unknown or
 * with trailing bytes, so every message the relay acts on has exactly one meaning.
 */

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

/** A Yjs update that does not decode. */
export function invalidUpdate(error: unknown): ProtocolError {
  return new ProtocolError(`invalid Yjs update (${(error as Error).message})`, CLOSE_INVALID_PAYLOAD)
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
    case messageSync: {
      const step = readVarUintOrFail(decoder)
      if (step === messageYjsSyncStep1) return { kind: 'sync-step-1', stateVector: readPayload(decoder, 'sync step 1') }
      if (step === messageYjsSyncStep2) return { kind: 'sync-step-2', update: readPayload(decoder, 'sync step 2') }
      if (step === messageYjsUpdate) return { kind: 'update', update: readPayload(decoder, 'update') }
      throw new ProtocolError(`unknown sync step ${step}`, CLOSE_UNSUPPORTED_DATA)
    }
    case messageAwareness:
      return { kind: 'awareness', update: readPayload(decoder, 'awareness') }
    case messageQueryAwareness:
      if (decoding.hasContent(decoder)) throw new ProtocolError('malformed query-awareness message', CLOSE_INVALID_PAYLOAD)
      return { kind: 'query-awareness' }
    default:
      throw new ProtocolError(`unknown message type ${type}`, CLOSE_UNSUPPORTED_DATA)
  }
}

/** A message's type, step and payload length: what precedes its payload. */
function header(type: number, step: number | null, payloadBytes: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, type)
  if (step !== null) encoding.writeVarUint(encoder, step)
  encoding.writeVarUint(encoder, payloadBytes)
  return encoding.toUint8Array(encoder)
}

/** Whether `bytes` opens as a sync step 1, a read that no rule judges (both varUints are one byte). */
export const opensAsSyncStep1 = (bytes: Uint8Array): boolean => bytes[0] === messageSync && bytes[1] === messageYjsSyncStep1

function encodeWith(type: number, step: number | null, payload: Uint8Array): Uint8Array {
  const head = header(type, step, payload.byteLength)
  const message = new Uint8Array(head.byteLength + payload.byteLength)
  message.set(head)
  message.set(payload, head.byteLength)
  return message
}

export const encodeSyncStep1 = (stateVector: Uint8Array): Uint8Array => encodeWith(messageSync, messageYjsSyncStep1, stateVector)
export const encodeSyncStep2 = (update: Uint8Array): Uint8Array => encodeWith(messageSync, messageYjsSyncStep2, update)
/**
 * Sync step 2 as its header and its update, which together are `encodeSyncStep2(update)`: a
 * board's whole state (up to MAX_BOARD_BYTES) is sent without being copied into one message.
 */
export const syncStep2Parts = (update: Uint8Array): Uint8Array[] => [header(messageSync, messageYjsSyncStep2, update.byteLength), update]
export const encodeUpdate = (update: Uint8Array): Uint8Array => encodeWith(messageSync, messageYjsUpdate, update)
export const encodeAwareness = (update: Uint8Array): Uint8Array => encodeWith(messageAwareness, null, update)
