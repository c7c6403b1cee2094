import { createShapeId, type TLShape } from 'tldraw'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { BindingStatus } from '../../../../client/src/sync/bindStoreToDoc'
import { DOC_FORMAT_VERSION } from '../../../../shared/src/doc/roots'
import { bindClient, docRecord, startBoard, storeWithTestCard, testCard } from './support'

// Boards outlive clients: a newer client migrates an older board; an older client leaves a
// newer board alone and asks to be reloaded.

function boardWrittenBy(version: 1 | 2, props: Record<string, unknown>): Y.Doc {
  const doc = new Y.Doc()
  const writer = bindClient(doc, storeWithTestCard(version))
  startBoard(writer.store)
  writer.store.put([testCard('card', props)])
  writer.binding.dispose()
  return doc
}

const cardId = createShapeId('card')

describe('schema migrations in the binding', () => {
  it('a board written by an older schema is migrated on load, and written back', () => {
    const doc = boardWrittenBy(1, { label: 'Exams' })
    const newer = bindClient(doc, storeWithTestCard(2))
    expect(newer.binding.getStatus()).toEqual({ kind: 'synced' })
    expect((newer.store.get(cardId) as TLShape).props).toEqual({ w: 10, h: 10, title: 'Exams' })
    expect(docRecord(doc, cardId)).toMatchObject({ props: { title: 'Exams' } })
    const stored = doc.getMap('meta').get('schema') as { sequences: Record<string, number> }
    expect(stored.sequences['com.tldraw.shape.test-card']).toBe(2)
  })

  it('a read-only client migrates in memory and writes nothing back', () => {
    const doc = boardWrittenBy(1, { label: 'Exams' })
    const before = Y.encodeStateVector(doc)
    const viewer = bindClient(doc, storeWithTestCard(2), { readOnly: true })
    expect((viewer.store.get(cardId) as TLShape).props).toMatchObject({ title: 'Exams' })
    expect(Y.encodeStateVector(doc)).toEqual(before)
  })

  it('a client older than the board reports too-old and writes nothing', () => {
    const doc = boardWrittenBy(2, { title: 'Exams' })
    const before = Y.encodeStateAsUpdate(doc)
    const statuses: BindingStatus[] = []
    const older = bindClient(doc, storeWithTestCard(1), { onStatusChange: (s) => statuses.push(s) })
    expect(older.binding.getStatus()).toEqual({ kind: 'too-old' })
    expect(statuses).toEqual([{ kind: 'too-old' }])
    expect(older.store.get(cardId)).toBeUndefined()

    older.store.put([testCard('mine', { label: 'x' })])
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it('a board in a newer document format is too-old as well, before or after binding', () => {
    const doc = boardWrittenBy(2, { title: 'Exams' })
    const bound = bindClient(doc, storeWithTestCard(2))
    doc.getMap('meta').set('format', DOC_FORMAT_VERSION + 1)
    expect(bound.binding.getStatus()).toEqual({ kind: 'too-old' })
    expect(bindClient(doc, storeWithTestCard(2)).binding.getStatus()).toEqual({ kind: 'too-old' })
  })

  it('a connected older client stops writing once a newer client migrates the board', () => {
    const doc = boardWrittenBy(1, { label: 'Exams' })
    const older = bindClient(doc, storeWithTestCard(1))
    expect(older.binding.getStatus()).toEqual({ kind: 'synced' })

    bindClient(doc, storeWithTestCard(2))
    expect(older.binding.getStatus()).toEqual({ kind: 'too-old' })
    older.store.put([testCard('late', { label: 'x' })])
    expect(docRecord(doc, createShapeId('late'))).toBeUndefined()
  })

  it('one record that cannot be migrated is skipped; the rest of the board loads', () => {
    const doc = boardWrittenBy(1, { label: 'Exams' })
    const records = doc.getArray<{ key: string; val: unknown }>('records')
    const broken = { ...testCard('broken', {}), props: null }
    records.push([{ key: broken.id, val: broken }])

    const newer = bindClient(doc, storeWithTestCard(2))
    expect((newer.store.get(cardId) as TLShape).props).toMatchObject({ title: 'Exams' })
    expect(newer.store.get(createShapeId('broken'))).toBeUndefined()
    expect(newer.logged.some((m) => m.includes('shape:broken'))).toBe(true)
    // Left in the board as it was, not deleted: a fixed client may still read it.
    expect(docRecord(doc, createShapeId('broken'))).toEqual(broken)
  })
})
