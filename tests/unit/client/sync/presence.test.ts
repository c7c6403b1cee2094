import { atom, createTLStore, TLPOINTER_ID, type TLInstancePresence, type TLStore } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { createBoardUser } from '../../../../client/src/sync/boardUser'
import { bindPresence, presenceIdOf } from '../../../../client/src/sync/presence'
import type { PresencePerson } from '../../../../shared/src/wire/presencePerson'
import { PRESENCE_INTERVAL_MS } from '../../../../shared/src/wire/presence'
import { bindClient, connectDocs, startBoard, startSession } from './support'

// Two real awareness instances relaying to each other as y-websocket does.
function connectAwareness(a: Awareness, b: Awareness) {
  const relay = (from: Awareness, to: Awareness) => (changes: Record<string, number[]>, origin: unknown) => {
    if (origin === 'relay') return
    const clients = [...changes.added, ...changes.updated, ...changes.removed]
    applyAwarenessUpdate(to, encodeAwarenessUpdate(from, clients), 'relay')
  }
  a.on('update', relay(a, b))
  b.on('update', relay(b, a))
  applyAwarenessUpdate(b, encodeAwarenessUpdate(a, [a.clientID]), 'relay')
  applyAwarenessUpdate(a, encodeAwarenessUpdate(b, [b.clientID]), 'relay')
}

const nextPresenceInterval = () => new Promise((resolve) => setTimeout(resolve, PRESENCE_INTERVAL_MS + 20))
const movePointer = (store: TLStore, x: number, y: number) => store.update(TLPOINTER_ID, (p) => ({ ...p, x, y }))
const changeObservers = (awareness: Awareness) =>
  (awareness as unknown as { _observers: Map<string, Set<unknown>> })._observers.get('change')?.size ?? 0

const alice: PresencePerson = { id: 'alice', name: 'Alice', role: 'professional', colour: '#e03131', accessRole: 'editor' }
const victor: PresencePerson = { id: 'victor', name: 'Victor', role: 'citizen', colour: '#1971c2', accessRole: 'viewer' }

function participant(doc: Y.Doc, person: PresencePerson) {
  const { store } = bindClient(doc)
  startSession(store)
  const awareness = new Awareness(doc)
  const $person = atom('person', person)
  const presence = bindPresence(store, awareness, $person, () => {})
  return { store, awareness, $person, presence }
}

/** Alice and Victor on one board, their docs and presence connected. */
function aliceAndVictor() {
  const docA = new Y.Doc()
  startBoard(bindClient(docA).store)
  const docB = new Y.Doc()
  connectDocs(docA, docB)
  const a = participant(docA, alice)
  const b = participant(docB, victor)
  connectAwareness(a.awareness, b.awareness)
  return { a, b }
}

const presences = (store: TLStore) => store.query.records('instance_presence').get() as TLInstancePresence[]

describe('presence over awareness', () => {
  it("each side draws the other's cursor with name and colour, and lists who is here", async () => {
    const { a, b } = aliceAndVictor()
    movePointer(a.store, 120, 80)
    // Alice's presence was just published on joining, so her first move waits for the next slot.
    await nextPresenceInterval()
    const seenByB = presences(b.store)
    expect(seenByB).toHaveLength(1)
    expect(seenByB[0]).toMatchObject({ userId: 'user:alice', userName: 'Alice', color: '#e03131', cursor: { x: 120, y: 80 } })

    expect(b.presence.people.get().map((p) => [p.person.name, p.person.accessRole, p.isSelf])).toEqual([
      ['Victor', 'viewer', true],
      ['Alice', 'editor', false],
    ])
    expect(b.presence.people.get()[1].userId).toBe('user:alice')

    a.$person.set({ ...alice, name: 'Alice R.' })
    await nextPresenceInterval()
    expect(presences(b.store)[0].userName).toBe('Alice R.')
    expect(b.presence.people.get()[1].person.name).toBe('Alice R.')
  })

  it('the cursor is sent at most once per interval, its latest position last', async () => {
    const { a, b } = aliceAndVictor()
    await nextPresenceInterval()
    let sent = 0
    a.awareness.on('change', () => sent++)
    for (let x = 1; x <= 30; x++) movePointer(a.store, x, 0)
    expect(sent).toBeLessThanOrEqual(1)
    await nextPresenceInterval()
    expect(sent).toBeLessThanOrEqual(2)
    expect(presences(b.store)[0].cursor).toMatchObject({ x: 30, y: 0 })
  })

  it('presence records never enter the document', () => {
    const doc = new Y.Doc()
    startBoard(bindClient(doc).store)
    const a = participant(doc, alice)
    const other = new Awareness(new Y.Doc())
    connectAwareness(a.awareness, other)
    other.setLocalState({ person: victor, presence: { ...presences(a.store)[0], userId: 'user:victor' } })
    movePointer(a.store, 1, 1)
    const keys = doc.getArray<{ key: string }>('records').toArray().map((e) => e.key)
    expect(keys.some((k) => k.startsWith('instance_presence'))).toBe(false)
  })

  it("a person's cursor and entry go when they leave; an invalid presence is ignored", () => {
    const store: TLStore = createTLStore()
    startBoard(store)
    startSession(store)
    const mine = new Awareness(new Y.Doc())
    const presence = bindPresence(store, mine, atom('person', alice), () => {})
    const theirs = new Awareness(new Y.Doc())
    connectAwareness(mine, theirs)

    // Our own presence is published, not drawn.
    expect(store.get(presenceIdOf(mine.clientID))).toBeUndefined()
    const published = mine.getLocalState()?.presence as TLInstancePresence
    theirs.setLocalState({ person: victor, presence: { ...published, userId: 'user:victor', cursor: 'nonsense' } })
    expect(store.get(presenceIdOf(theirs.clientID))).toBeUndefined()
    expect(presence.people.get()).toHaveLength(2)

    theirs.setLocalState({ person: victor, presence: { ...published, userId: 'user:victor' } })
    expect(store.get(presenceIdOf(theirs.clientID))).toMatchObject({ userId: 'user:victor' })

    removeAwarenessStates(theirs, [theirs.clientID], 'left')
    expect(store.get(presenceIdOf(theirs.clientID))).toBeUndefined()
    expect(presence.people.get().map((p) => p.person.id)).toEqual(['alice'])
  })

  it('dispose removes the drawn cursors and stops listening', () => {
    const store: TLStore = createTLStore()
    startBoard(store)
    startSession(store)
    const mine = new Awareness(new Y.Doc())
    const presence = bindPresence(store, mine, atom('person', alice), () => {})
    expect(changeObservers(mine)).toBe(1)
    const theirs = new Awareness(new Y.Doc())
    connectAwareness(mine, theirs)
    theirs.setLocalState({ person: victor, presence: { ...(mine.getLocalState()?.presence as TLInstancePresence), userId: 'user:victor' } })
    expect(presences(store)).toHaveLength(1)

    presence.dispose()
    expect(presences(store)).toHaveLength(0)
    expect(mine.getLocalState()?.presence).toBeNull()
    theirs.setLocalState({ person: victor, presence: { ...(mine.getLocalState()?.person as object) } })
    expect(presences(store)).toHaveLength(0)
    expect(changeObservers(mine)).toBe(0)
  })
})

describe('createBoardUser', () => {
  it("the editor user carries the person's id, name and colour, and keeps them when tldraw saves preferences", () => {
    const $person = atom('person', alice)
    const user = createBoardUser($person)
    expect(user.userPreferences.get()).toMatchObject({ id: 'alice', name: 'Alice', color: '#e03131' })
    user.setUserPreferences({ ...user.userPreferences.get(), isSnapMode: true })
    expect(user.userPreferences.get()).toMatchObject({ id: 'alice', name: 'Alice', isSnapMode: true })
    $person.set({ ...alice, name: 'Alice R.' })
    expect(user.userPreferences.get().name).toBe('Alice R.')
  })
})
