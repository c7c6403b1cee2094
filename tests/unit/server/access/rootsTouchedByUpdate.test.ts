import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { rootsTouchedByUpdate, UNRESOLVED_ROOT } from '../../../../server/src/access/rootsTouchedByUpdate'

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
  return { server, client, nextUpdate }
}

describe('rootsTouchedByUpdate', () => {
  it('names the root of a new map key', () => {
    const { server, nextUpdate } = setup()
    const update = nextUpdate((d) => d.getMap('session').set('phase', 2))
    expect(rootsTouchedByUpdate(server, update)).toEqual(new Set(['session']))
  })

  it('resolves an overwrite, which names only its left neighbour, to the same root', () => {
    const { server, nextUpdate } = setup((d) => d.getMap('session').set('phase', 1))
    const update = nextUpdate((d) => d.getMap('session').set('phase', 3))
    expect(rootsTouchedByUpdate(server, update)).toEqual(new Set(['session']))
  })

  it('sees a deletion of a session key', () => {
    const { server, nextUpdate } = setup((d) => d.getMap('session').set('phase', 1))
    const update = nextUpdate((d) => d.getMap('session').delete('phase'))
    expect(rootsTouchedByUpdate(server, update).has('session')).toBe(true)
  })

  it('ignores deletions the server already has, which every sync step 2 repeats', () => {
    const { server, client } = setup((d) => {
      d.getMap('session').set('phase', 1)
      d.getMap('session').set('phase', 2)
    })
    client.getMap('people').set('p', { name: 'B' })
    const syncStep2 = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server))
    expect(rootsTouchedByUpdate(server, syncStep2)).toEqual(new Set(['people']))
  })

  it('ignores structs the server already holds, as in a whole stored copy sent again', () => {
    const { server, client } = setup((d) => d.getMap('session').set('phase', 1))
    client.getMap('people').set('p', { name: 'B' })
    expect(rootsTouchedByUpdate(server, Y.encodeStateAsUpdate(client))).toEqual(new Set(['people']))
  })

  it('follows nested types back to their root', () => {
    const { server, nextUpdate } = setup((d) => d.getMap('records').set('a', new Y.Map()))
    const update = nextUpdate((d) => {
      const nested = d.getMap('records').get('a') as Y.Map<unknown>
      nested.set('x', new Y.Array())
      ;(nested.get('x') as Y.Array<number>).push([1, 2])
    })
    expect(rootsTouchedByUpdate(server, update)).toEqual(new Set(['records']))
  })

  it('keeps roots apart in a mixed update', () => {
    const { server, nextUpdate } = setup((d) => d.getArray('records').push([1]))
    const update = nextUpdate((d) => {
      d.getArray('records').insert(1, [2])
      d.getMap('votes').set('card/p', 1)
    })
    expect(rootsTouchedByUpdate(server, update)).toEqual(new Set(['records', 'votes']))
  })

  it('marks an update whose neighbours the server has never seen as unresolved', () => {
    const { server, client, nextUpdate } = setup()
    client.getMap('session').set('phase', 1)
    const update = nextUpdate((d) => d.getMap('session').set('phase', 2))
    expect(rootsTouchedByUpdate(server, update).has(UNRESOLVED_ROOT)).toBe(true)
  })
})
