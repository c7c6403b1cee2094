import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { docBoardView } from '../../../../shared/src/rules/docBoardView'
import { updateChanges } from '../../../../server/src/relay/updateChanges'

/** A server doc and a client doc in sync; returns the client's next update as bytes. */
function setup(prepare?: (doc: Y.Doc) => void) {
  const server = new Y.Doc()
  prepare?.(server)
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const nextUpdate = (change: (doc: Y.Doc) => void): Uint8Array => {
    const before = Y.encodeStateVector(client)
    change(client)
    return Y.encodeStateAsUpdate(client, before)
  }
  const changesOf = (update: Uint8Array) => updateChanges(server, docBoardView(server), update)
  /** The changes as plain objects; the server then applies the update, as the relay would. */
  const plain = (update: Uint8Array) => {
    const result = changesOf(update)
    Y.applyUpdate(server, update)
    if (result.kind !== 'resolved') return result.kind
    return Object.fromEntries([...result.change].map(([root, keys]) => [root, Object.fromEntries(keys)]))
  }
  return { server, client, nextUpdate, changesOf, plain }
}

/** YKeyValue's way of setting a record: push the new entry, delete the old one. */
function setRecord(doc: Y.Doc, key: string, val: unknown) {
  const array = doc.getArray<{ key: string; val: unknown }>('records')
  doc.transact(() => {
    const old = array.toArray().findIndex((entry) => entry.key === key)
    array.push([{ key, val }])
    if (old >= 0) array.delete(old)
  })
}

describe('updateChanges', () => {
  it('names the key and value of a new map entry and of an overwrite', () => {
    const { nextUpdate, plain } = setup((d) => d.getMap('session').set('phase', 1))
    expect(plain(nextUpdate((d) => d.getMap('session').set('phase', 3)))).toEqual({ session: { phase: 3 } })
    expect(plain(nextUpdate((d) => d.getMap('votes').set('card/p', 2)))).toEqual({ votes: { 'card/p': 2 } })
  })

  it('sees a deleted map key', () => {
    const { nextUpdate, plain } = setup((d) => d.getMap('people').set('p', { name: 'A' }))
    expect(plain(nextUpdate((d) => d.getMap('people').delete('p')))).toEqual({ people: { p: undefined } })
  })

  it('reads records written and deleted the YKeyValue way', () => {
    const { nextUpdate, plain } = setup((d) => setRecord(d, 'shape:a', { id: 'shape:a', x: 1 }))
    expect(plain(nextUpdate((d) => setRecord(d, 'shape:a', { id: 'shape:a', x: 2 })))).toEqual({ records: { 'shape:a': { id: 'shape:a', x: 2 } } })
    expect(plain(nextUpdate((d) => d.getArray('records').delete(0)))).toEqual({ records: { 'shape:a': undefined } })
  })

  it('lists the client ids of new structs only, so a whole stored copy sent again changes nothing', () => {
    const { server, client, changesOf } = setup((d) => d.getMap('session').set('phase', 1))
    client.getMap('people').set('p', { name: 'B' })
    const result = changesOf(Y.encodeStateAsUpdate(client))
    expect(result.kind === 'resolved' && [...result.clients]).toEqual([client.clientID])
    expect(result.kind === 'resolved' && [...result.change.keys()]).toEqual(['people'])
    expect(server.getMap('people').size).toBe(0)
  })

  it('ignores deletions the server already has, which every sync step 2 repeats', () => {
    const { server, client, plain } = setup((d) => {
      d.getMap('session').set('phase', 1)
      d.getMap('session').set('phase', 2)
    })
    client.getMap('people').set('p', { name: 'B' })
    expect(plain(Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)))).toEqual({ people: { p: { name: 'B' } } })
  })

  it('refuses nested types and roots used the wrong way', () => {
    const { nextUpdate, changesOf } = setup()
    expect(changesOf(nextUpdate((d) => d.getMap('people').set('p', new Y.Map()))).kind).toBe('malformed')
    expect(changesOf(nextUpdate((d) => d.getText('records').insert(0, 'x'))).kind).toBe('malformed')
    expect(changesOf(nextUpdate((d) => d.getArray('votes').push([1]))).kind).toBe('malformed')
  })

  it('notes roots outside the format as written, without keys', () => {
    const { nextUpdate, plain } = setup()
    expect(plain(nextUpdate((d) => d.getText('notes').insert(0, 'hello')))).toEqual({ notes: {} })
  })

  it('marks an update whose neighbours the server has never seen as unresolved', () => {
    const { client, nextUpdate, changesOf } = setup()
    client.getMap('session').set('phase', 1)
    expect(changesOf(nextUpdate((d) => d.getMap('session').set('phase', 2))).kind).toBe('unresolved')
  })

  it('answers undecodable only for bytes that are no Yjs update; a failure reading a decoded one is thrown as it is', () => {
    const { server, nextUpdate, changesOf } = setup((d) => setRecord(d, 'shape:a', { id: 'shape:a', x: 1 }))
    expect(changesOf(new Uint8Array([1, 2, 3])).kind).toBe('undecodable')
    // A fault of the reader itself (here: the board view it asks about a deleted record).
    const fault = new Error('a fault of the reader')
    const faulty = {
      value: () => {
        throw fault
      },
      entries: () => ({}),
    }
    expect(() => updateChanges(server, faulty, nextUpdate((d) => d.getArray('records').delete(0)))).toThrow(fault)
  })
})
