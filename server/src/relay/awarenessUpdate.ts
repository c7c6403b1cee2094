import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { CLOSE_INVALID_PAYLOAD } from '../../../shared/src/wire/closeCodes'
import { ProtocolError } from './protocol'

// An awareness update (y-protocols/awareness) as entries, so presence rules can read and rewrite
// the states before the room applies them: count, then per client its id, clock and JSON state.

export interface AwarenessEntry {
  clientId: number
  clock: number
  /** The state as its JSON text, so rules can measure it before parsing it. */
  json: string
}

export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    const entries: AwarenessEntry[] = []
    for (let i = 0; i < count; i++) {
      entries.push({ clientId: decoding.readVarUint(decoder), clock: decoding.readVarUint(decoder), json: decoding.readVarString(decoder) })
    }
    if (decoding.hasContent(decoder)) throw new Error('trailing bytes')
    return entries
  } catch (error) {
    throw new ProtocolError(`invalid awareness update (${(error as Error).message})`, CLOSE_INVALID_PAYLOAD)
  }
}

export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const { clientId, clock, json } of entries) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, json)
  }
  return encoding.toUint8Array(encoder)
}
