import { describe, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import {
  ProtocolError,
  decodeMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
} from '../../server/src/relay/protocol'

function decodeError(bytes: number[]): ProtocolError {
  try {
    decodeMessage(new Uint8Array(bytes))
  } catch (error) {
    if (error instanceof ProtocolError) return error
    throw error
  }
  throw new Error('expected a ProtocolError')
}

describe('relay protocol', () => {
  it('encodes what y-protocols encodes, and decodes it back', () => {
    const doc = new Y.Doc()
    doc.getMap('m').set('k', 1)
    const reference = encoding.createEncoder()
    encoding.writeVarUint(reference, 0)
    syncProtocol.writeSyncStep1(reference, doc)
    const stateVector = Y.encodeStateVector(doc)
    expect(encodeSyncStep1(stateVector)).toEqual(encoding.toUint8Array(reference))

    const update = Y.encodeStateAsUpdate(doc)
    expect(decodeMessage(encodeSyncStep1(stateVector))).toEqual({ kind: 'sync-step-1', stateVector })
    expect(decodeMessage(encodeSyncStep2(update))).toEqual({ kind: 'sync-step-2', update })
    expect(decodeMessage(encodeUpdate(update))).toEqual({ kind: 'update', update })
    expect(decodeMessage(encodeAwareness(update))).toEqual({ kind: 'awareness', update })
    expect(decodeMessage(new Uint8Array([3]))).toEqual({ kind: 'query-awareness' })
  })

  it('closes with 1003 on unknown types and steps, 1007 on malformed messages', () => {
    expect(decodeError([9])).toMatchObject({ closeCode: 1003, message: 'unknown message type 9' })
    expect(decodeError([2, 0])).toMatchObject({ closeCode: 1003 })
    expect(decodeError([0, 7, 0])).toMatchObject({ closeCode: 1003, message: 'unknown sync step 7' })
    expect(decodeError([])).toMatchObject({ closeCode: 1007, message: 'truncated message header' })
    expect(decodeError([0, 2, 5, 1, 2])).toMatchObject({ closeCode: 1007 })
    expect(decodeError([0, 2, 1, 1, 99])).toMatchObject({ closeCode: 1007, message: expect.stringContaining('trailing bytes') })
    expect(decodeError([3, 0])).toMatchObject({ closeCode: 1007 })
  })
})
