import { createShapeId, HistoryManager, type TLShape, type TLShapeId } from 'tldraw'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { bindClient, connectDocs, docRecord, geoShape, startBoard } from './support'

// Two real tldraw stores, each bound to its own Y.Doc, the docs connected as the relay would.
function twoClients() {
  const a = bindClient(new Y.Doc())
  startBoard(a.store)
  const b = bindClient(new Y.Doc())
  const disconnect = connectDocs(a.doc, b.doc)
  return { a, b, disconnect }
}

const shapeIn = (store: { get(id: TLShapeId): unknown }, name: string) => store.get(createShapeId(name)) as TLShape | undefined

describe('bindStoreToDoc', () => {
  it('two stores converge on create, update and delete', () => {
    const { a, b } = twoClients()
    a.store.put([geoShape('one', 10)])
    expect(shapeIn(b.store, 'one')?.x).toBe(10)

    b.store.put([{ ...shapeIn(b.store, 'one')!, x: 250 }])
    expect(shapeIn(a.store, 'one')?.x).toBe(250)

    a.store.remove([createShapeId('one')])
    expect(shapeIn(b.store, 'one')).toBeUndefined()
    expect(docRecord(b.doc, createShapeId('one'))).toBeUndefined()
    expect(b.store.get('page:page' as never)).toBeDefined()
  })

  it('a client joining later loads the board, replacing its own document records', () => {
    const a = bindClient(new Y.Doc())
    startBoard(a.store)
    a.store.put([geoShape('one', 10)])

    const late = new Y.Doc()
    Y.applyUpdate(late, Y.encodeStateAsUpdate(a.doc))
    const b = bindClient(late)
    expect(shapeIn(b.store, 'one')?.x).toBe(10)
  })

  it('two stores bound to the same doc (a remount overlapping the old one) see each other', () => {
    const doc = new Y.Doc()
    const first = bindClient(doc)
    startBoard(first.store)
    const second = bindClient(doc)
    first.store.put([geoShape('one', 3)])
    expect(shapeIn(second.store, 'one')?.x).toBe(3)
  })

  it('the doc stays small after 1,000 moves of one shape', () => {
    const { a } = twoClients()
    a.store.put([geoShape('moved', 0)])
    a.store.put([{ ...shapeIn(a.store, 'moved')!, x: 1 }])
    const afterOneMove = Y.encodeStateAsUpdate(a.doc).length
    for (let x = 2; x <= 1000; x++) a.store.put([{ ...shapeIn(a.store, 'moved')!, x }])
    const afterThousandMoves = Y.encodeStateAsUpdate(a.doc).length
    expect(shapeIn(a.store, 'moved')?.x).toBe(1000)
    expect(afterThousandMoves).toBeLessThan(afterOneMove * 2)
    // The size is what is tested; 1,000 store round trips may take a while on a loaded machine.
  }, 60_000)

  it('one tldraw change batch is one Y transaction', () => {
    const { a } = twoClients()
    let transactions = 0
    a.doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.local && tr.changed.size > 0) transactions++
    })
    a.store.put([geoShape('x1', 0), geoShape('x2', 100), geoShape('x3', 200)])
    expect(transactions).toBe(1)
  })

  it('camera, selection and instance state stay out of the doc', () => {
    const { a } = twoClients()
    a.store.put([
      a.store.schema.types.instance.create({ id: 'instance:instance' as never, currentPageId: 'page:page' as never }),
      a.store.schema.types.camera.create({ id: 'camera:page:page' as never, x: 5 }),
      a.store.schema.types.instance_page_state.create({ id: 'instance_page_state:page:page' as never, pageId: 'page:page' as never }),
    ])
    const keys = a.doc.getArray<{ key: string }>('records').toArray().map((e) => e.key)
    expect(keys.sort()).toEqual(['document:document', 'page:page'])
  })

  it('an invalid record from a peer is skipped and logged; valid ones in the same transaction arrive', () => {
    const { a, b } = twoClients()
    const records = b.doc.getArray<{ key: string; val: unknown }>('records')
    const broken = { ...geoShape('broken', 0), props: { geo: 'not-a-shape' } }
    const wrongKey = geoShape('elsewhere', 0)
    b.doc.transact(() => {
      records.push([
        { key: broken.id, val: broken },
        { key: 'shape:not-its-id', val: wrongKey },
        { key: createShapeId('good'), val: geoShape('good', 42) },
        { key: 'instance:instance', val: { id: 'instance:instance', typeName: 'instance' } },
      ])
    })
    expect(shapeIn(a.store, 'good')?.x).toBe(42)
    expect(shapeIn(a.store, 'broken')).toBeUndefined()
    expect(a.logged).toHaveLength(3)
    expect(a.logged.some((m) => m.includes('shape:broken'))).toBe(true)

    // Sync carries on after the bad records.
    b.store.put([{ ...shapeIn(b.store, 'good')!, x: 7 }])
    expect(shapeIn(a.store, 'good')?.x).toBe(7)
  })

  it('a record the store itself refuses costs only that record', () => {
    const { a, b } = twoClients()
    a.store.sideEffects.registerBeforeCreateHandler('shape', (shape) => {
      if (shape.x === 666) throw new Error('refused')
      return shape
    })
    b.store.put([geoShape('refused', 666), geoShape('fine', 1)])
    expect(shapeIn(a.store, 'fine')?.x).toBe(1)
    expect(shapeIn(a.store, 'refused')).toBeUndefined()
    expect(a.logged).toEqual([`Skipped a board change the store refused: ${createShapeId('refused')}`])
  })

  it("a remote change is not undone by the local undo", () => {
    const { a, b } = twoClients()
    a.store.put([geoShape('mine', 0)])
    // tldraw's own undo machinery, recording from here on.
    const history = new HistoryManager({ store: a.store })
    a.store.put([{ ...shapeIn(a.store, 'mine')!, x: 300 }])
    b.store.put([geoShape('theirs', 500)])

    history.undo()
    expect(shapeIn(a.store, 'mine')?.x).toBe(0)
    expect(shapeIn(a.store, 'theirs')?.x).toBe(500)
    // The undo is a local change like any other: it reaches the peer.
    expect(shapeIn(b.store, 'mine')?.x).toBe(0)
    history.dispose()
  })

  it('a read-only client loads and follows the board but writes nothing', () => {
    const a = bindClient(new Y.Doc())
    startBoard(a.store)
    const viewerDoc = new Y.Doc()
    connectDocs(a.doc, viewerDoc)
    const viewer = bindClient(viewerDoc, undefined, { readOnly: true })
    a.store.put([geoShape('one', 10)])
    expect(shapeIn(viewer.store, 'one')?.x).toBe(10)

    const before = Y.encodeStateVector(viewerDoc)
    viewer.store.put([geoShape('own', 0)])
    expect(Y.encodeStateVector(viewerDoc)).toEqual(before)
  })

  it('after dispose neither side reaches the other, and no observer is left behind', () => {
    const { a, b } = twoClients()
    const records = a.doc.getArray('records') as unknown as { _eH: { l: unknown[] } }
    const meta = a.doc.getMap('meta') as unknown as { _eH: { l: unknown[] } }
    const observersWhileBound = [records._eH.l.length, meta._eH.l.length]
    a.binding.dispose()
    expect([records._eH.l.length, meta._eH.l.length]).toEqual([observersWhileBound[0], observersWhileBound[1] - 1])

    // Binding the same doc again (a remount) adds no observer to the records root.
    const again = bindClient(a.doc)
    expect(records._eH.l.length).toBe(observersWhileBound[0])
    again.binding.dispose()

    b.store.put([geoShape('later', 1)])
    expect(shapeIn(a.store, 'later')).toBeUndefined()
    a.store.put([geoShape('local', 1)])
    expect(docRecord(a.doc, createShapeId('local'))).toBeUndefined()
  })
})
