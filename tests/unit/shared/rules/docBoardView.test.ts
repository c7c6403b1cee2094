import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SESSION_ROOT } from '../../../../shared/src/doc/roots'
import { docBoardView } from '../../../../shared/src/rules/docBoardView'

describe('docBoardView', () => {
  it("reads a map root's entries as they are after every change, made here or applied from elsewhere", () => {
    const doc = new Y.Doc()
    const view = docBoardView(doc)
    expect(view.entries(SESSION_ROOT)).toEqual({})
    doc.getMap(SESSION_ROOT).set('anonymous', true)
    expect(view.entries(SESSION_ROOT)).toEqual({ anonymous: true })
    doc.getMap(SESSION_ROOT).set('anonymous', false)
    expect(view.entries(SESSION_ROOT)).toEqual({ anonymous: false })
    const elsewhere = new Y.Doc()
    Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(doc))
    elsewhere.getMap(SESSION_ROOT).delete('anonymous')
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(elsewhere))
    expect(view.entries(SESSION_ROOT)).toEqual({})
    expect(view.value(SESSION_ROOT, 'anonymous')).toBeUndefined()
  })

  it('gives every reader one frozen copy of a map root until the map changes', () => {
    const doc = new Y.Doc()
    doc.getMap(SESSION_ROOT).set('anonymous', true)
    const view = docBoardView(doc)
    const first = view.entries(SESSION_ROOT)
    expect(view.entries(SESSION_ROOT)).toBe(first)
    expect(Object.isFrozen(first)).toBe(true)
    doc.getMap(SESSION_ROOT).set('anonymous', false)
    expect(view.entries(SESSION_ROOT)).not.toBe(first)
  })

  it('reads a map root without creating it', () => {
    const doc = new Y.Doc()
    const view = docBoardView(doc)
    expect(view.value(SESSION_ROOT, 'anonymous')).toBeUndefined()
    expect(view.entries(SESSION_ROOT)).toEqual({})
    expect(doc.share.has(SESSION_ROOT)).toBe(false)
  })
})
