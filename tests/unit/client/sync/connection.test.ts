import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectionStateOf, OFFLINE_AFTER_FAILED_ATTEMPTS } from '../../../../client/src/sync/connectionState'
import { writeOwnPeopleEntry } from '../../../../client/src/sync/peopleEntry'

describe('connectionStateOf', () => {
  const facts = { browserOnline: true, socketConnected: false, everConnected: false, failedAttempts: 0 }

  it('connecting, connected, then reconnecting after a drop', () => {
    expect(connectionStateOf(facts)).toBe('connecting')
    expect(connectionStateOf({ ...facts, socketConnected: true, everConnected: true })).toBe('connected')
    expect(connectionStateOf({ ...facts, everConnected: true, failedAttempts: 1 })).toBe('reconnecting')
  })

  it('offline when the browser says so, or after repeated failures', () => {
    expect(connectionStateOf({ ...facts, browserOnline: false, socketConnected: true })).toBe('offline')
    expect(connectionStateOf({ ...facts, everConnected: true, failedAttempts: OFFLINE_AFTER_FAILED_ATTEMPTS })).toBe('offline')
    expect(connectionStateOf({ ...facts, failedAttempts: OFFLINE_AFTER_FAILED_ATTEMPTS })).toBe('offline')
  })
})

describe('writeOwnPeopleEntry', () => {
  it('writes the person under their own key, and nothing when unchanged', () => {
    const doc = new Y.Doc()
    writeOwnPeopleEntry(doc, 'p1', { name: 'Ada', role: 'student', colour: '#123456' })
    const after = Y.encodeStateVector(doc)
    writeOwnPeopleEntry(doc, 'p1', { name: 'Ada', role: 'student', colour: '#123456' })
    expect(Y.encodeStateVector(doc)).toEqual(after)
    expect(doc.getMap('people').toJSON()).toEqual({ p1: { name: 'Ada', role: 'student', colour: '#123456' } })
  })
})
