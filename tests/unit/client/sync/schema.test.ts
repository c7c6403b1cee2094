import { createTLStore, defaultShapeUtils, type SerializedSchemaV2 } from 'tldraw'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { tavoloShapeUtils } from '../../../../client/src/shapes'
import { compareStoredSchema, decodeStoredSchema } from '../../../../shared/src/doc/schemaAge'
import { readRecords } from '../../../../shared/src/doc/recordsRoot'
import { createTavoloSchema } from '../../../../shared/src/schema'
import { listTemplates, seedBoardDoc } from '../../../../shared/src/templates'
import { bindClient } from './support'

const current: SerializedSchemaV2 = { schemaVersion: 2, sequences: { 'com.tldraw.shape.geo': 3, 'com.tldraw.page': 1 } }

describe('compareStoredSchema', () => {
  it('same, older (lower or missing sequence) and newer (higher or unknown sequence)', () => {
    expect(compareStoredSchema(current, { schemaVersion: 2, sequences: { ...current.sequences } })).toBe('same')
    expect(compareStoredSchema(current, { schemaVersion: 2, sequences: { ...current.sequences, 'com.tldraw.shape.geo': 2 } })).toBe('older')
    expect(compareStoredSchema(current, { schemaVersion: 2, sequences: { 'com.tldraw.shape.geo': 3 } })).toBe('older')
    expect(compareStoredSchema(current, { schemaVersion: 2, sequences: { ...current.sequences, 'com.tldraw.shape.geo': 4 } })).toBe('newer')
    expect(compareStoredSchema(current, { schemaVersion: 2, sequences: { ...current.sequences, 'com.tldraw.shape.new': 0 } })).toBe('newer')
  })

  it('a malformed stored schema is reported as missing', () => {
    expect(decodeStoredSchema({ schemaVersion: 2, sequences: { a: 'x' } })).toBeNull()
    expect(decodeStoredSchema('schema')).toBeNull()
    expect(decodeStoredSchema(current)).toEqual(current)
  })
})

describe("the client's store schema and the server's board schema", () => {
  // The server seeds meta.schema from shared's createTavoloSchema(); if the browser's store
  // schema differed, every fresh board would look newer than the client and refuse to open.
  it('are the same, so a seeded board opens without migration or too-old', () => {
    const client = createTLStore({ shapeUtils: [...defaultShapeUtils, ...tavoloShapeUtils] }).schema.serialize()
    const server = createTavoloSchema().serialize()
    expect(compareStoredSchema(client, server)).toBe('same')
  })

  it.each(listTemplates().map((t) => t.id))('a board seeded by the server from template %s loads whole, with no write', (templateId) => {
    const doc = new Y.Doc()
    seedBoardDoc(doc, { title: 'Seeded', templateId })
    const seeded = Y.encodeStateVector(doc)
    const store = createTLStore({ shapeUtils: [...defaultShapeUtils, ...tavoloShapeUtils] })
    const client = bindClient(doc, store)
    expect(client.logged).toEqual([])
    expect(client.binding.getStatus()).toEqual({ kind: 'synced' })
    const documentRecords = store.allRecords().filter((r) => store.scopedTypes.document.has(r.typeName))
    expect(documentRecords).toHaveLength(readRecords(doc).length)
    expect(Y.encodeStateVector(doc)).toEqual(seeded)
  })
})
