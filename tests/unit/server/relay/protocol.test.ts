import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import { messageAwareness, messageQueryAwareness, messageSync } from 'y-websocket'
import * as Y from 'yjs'
import {
  ProtocolError,
  decodeMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  opensAsSyncStep1,
  syncStep2Parts,
} from '../../../../server/src/relay/protocol'

// The relay's encoder and decoder are held to y-protocols' own writers and readers, the code the
// browser's y-websocket provider runs: each message kind both ways.

function docWithContent(): Y.Doc {
  const doc = new Y.Doc()
  doc.getMap('m').set('k', 'v')
  return doc
}

/** A message as y-websocket's provider writes it: its type, then what `write` adds. */
function written(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, type)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/** Reads a relay message the way y-websocket's provider does: type, then y-protocols' sync reader. */
function readSyncAsProvider(message: Uint8Array, doc: Y.Doc): number {
  const decoder = decoding.createDecoder(message)
  expect(decoding.readVarUint(decoder)).toBe(messageSync)
  const replyEncoder = encoding.createEncoder()
  return syncProtocol.readSyncMessage(decoder, replyEncoder, doc, 'relay')
}

function decodeError(bytes: number[]): ProtocolError {
  try {
    decodeMessage(new Uint8Array(bytes))
  } catch (error) {
    if (error instanceof ProtocolError) return error
    throw error
  }
  throw new Error('expected a ProtocolError')
}

describe('relay protocol against y-protocols', () => {
  it('sync step 1: y-protocols writes it, the relay reads the state vector; the relay writes it byte for byte the same', () => {
    const doc = docWithContent()
    const fromProvider = written(messageSync, (e) => syncProtocol.writeSyncStep1(e, doc))
    expect(decodeMessage(fromProvider)).toEqual({ kind: 'sync-step-1', stateVector: Y.encodeStateVector(doc) })
    expect(encodeSyncStep1(Y.encodeStateVector(doc))).toEqual(fromProvider)
    expect(readSyncAsProvider(encodeSyncStep1(Y.encodeStateVector(doc)), new Y.Doc())).toBe(syncProtocol.messageYjsSyncStep1)
  })

  it('sync step 2: y-protocols writes it, the relay reads the update; the relay writes it and y-protocols applies it', () => {
    const doc = docWithContent()
    const fromProvider = written(messageSync, (e) => syncProtocol.writeSyncStep2(e, doc))
    const decoded = decodeMessage(fromProvider)
    expect(decoded.kind).toBe('sync-step-2')
    const replica = new Y.Doc()
    Y.applyUpdate(replica, (decoded as { update: Uint8Array }).update)
    expect(replica.getMap('m').get('k')).toBe('v')

    const other = new Y.Doc()
    expect(readSyncAsProvider(encodeSyncStep2(Y.encodeStateAsUpdate(doc)), other)).toBe(syncProtocol.messageYjsSyncStep2)
    expect(other.getMap('m').get('k')).toBe('v')
  })

  it('update: y-protocols writes it, the relay reads it; the relay writes it and y-protocols applies it', () => {
    const update = Y.encodeStateAsUpdate(docWithContent())
    expect(decodeMessage(written(messageSync, (e) => syncProtocol.writeUpdate(e, update)))).toEqual({ kind: 'update', update })
    const other = new Y.Doc()
    expect(readSyncAsProvider(encodeUpdate(update), other)).toBe(syncProtocol.messageYjsUpdate)
    expect(other.getMap('m').get('k')).toBe('v')
  })

  it('awareness: the provider’s message reads back; the relay’s message applies with y-protocols', () => {
    const sender = new Awareness(new Y.Doc())
    sender.setLocalState({ name: 'Ada' })
    const update = encodeAwarenessUpdate(sender, [sender.clientID])
    expect(decodeMessage(written(messageAwareness, (e) => encoding.writeVarUint8Array(e, update)))).toEqual({ kind: 'awareness', update })

    const receiver = new Awareness(new Y.Doc())
    const decoder = decoding.createDecoder(encodeAwareness(update))
    expect(decoding.readVarUint(decoder)).toBe(messageAwareness)
    applyAwarenessUpdate(receiver, decoding.readVarUint8Array(decoder), 'relay')
    expect(receiver.getStates().get(sender.clientID)).toEqual({ name: 'Ada' })
  })

  it('query-awareness: the provider’s message (its type alone) reads back', () => {
    expect(decodeMessage(written(messageQueryAwareness, () => undefined))).toEqual({ kind: 'query-awareness' })
  })
})

describe('relay protocol refusals', () => {
  it('closes with 1003 on unknown types (auth included) and steps, 1007 on malformed messages', () => {
    expect(decodeError([9])).toMatchObject({ closeCode: 1003, message: 'unknown message type 9' })
    expect(decodeError([2, 0])).toMatchObject({ closeCode: 1003, message: 'unknown message type 2' })
    expect(decodeError([0, 7, 0])).toMatchObject({ closeCode: 1003, message: 'unknown sync step 7' })
    expect(decodeError([])).toMatchObject({ closeCode: 1007, message: 'truncated message header' })
    expect(decodeError([0, 2, 5, 1, 2])).toMatchObject({ closeCode: 1007 })
    expect(decodeError([0, 2, 1, 1, 99])).toMatchObject({ closeCode: 1007, message: expect.stringContaining('trailing bytes') })
    expect(decodeError([3, 0])).toMatchObject({ closeCode: 1007 })
  })
})

describe('relay protocol shortcuts', () => {
  it('tells a sync step 1 from every other message by its first bytes', () => {
    const update = Y.encodeStateAsUpdate(docWithContent())
    expect(opensAsSyncStep1(encodeSyncStep1(Y.encodeStateVector(docWithContent())))).toBe(true)
    for (const other of [encodeSyncStep2(update), encodeUpdate(update), encodeAwareness(new Uint8Array([0])), Uint8Array.of(messageQueryAwareness), new Uint8Array(0)]) {
      expect(opensAsSyncStep1(other)).toBe(false)
    }
  })

  it('gives sync step 2 in parts that together are the message, the update itself the last', () => {
    const update = Y.encodeStateAsUpdate(docWithContent())
    const parts = syncStep2Parts(update)
    expect(parts[parts.length - 1]).toBe(update)
    expect(new Uint8Array(Buffer.concat(parts))).toEqual(encodeSyncStep2(update))
  })
})
