import fs from 'node:fs'
import { afterEach, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Logger } from '../../server/src/log'
import { openPostgresStorage } from '../../server/src/storage/postgres'
import { openSqliteStorage } from '../../server/src/storage/sqlite'
import { OTHER_SERVER_KEY, type BoardRecord, type BoardStorage, type StoredDocument } from '../../server/src/storage/storage'
import { draftDocName } from '../../shared/src/levels/draftDoc'
import { makeTempDataDir } from '../support/server'
import { createTestDatabase, describeWhenAvailable, postgresUnavailable } from '../support/services'

// The storage contract, one suite run against every engine. Each test gets a fresh SQLite file
// or a fresh PostgreSQL database; `open()` opens another connection to the same one, as a
// second instance would.

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined }

interface Engine {
  name: string
  unavailable: string | null
  /** A fresh, empty store; `open` gives more handles on it. Removed by `cleanup`. */
  fresh(): Promise<{ open(): Promise<BoardStorage>; cleanup(): Promise<void> }>
}

const engines: Engine[] = [
  {
    name: 'SQLite',
    unavailable: null,
    async fresh() {
      const dir = makeTempDataDir()
      return {
        open: async () => openSqliteStorage(dir),
        cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
      }
    },
  },
  {
    name: 'PostgreSQL',
    unavailable: await postgresUnavailable(),
    async fresh() {
      const db = await createTestDatabase()
      return { open: () => openPostgresStorage(db.url, quiet), cleanup: () => db.drop() }
    },
  },
]

const board: BoardRecord = { id: 'AAAAAAAAAAAAAAAAAAAAAA', title: 'Tavola', template: 'blank', createdAt: 1_700_000_000_123, secretGeneration: 0 }
const other: BoardRecord = { ...board, id: 'BBBBBBBBBBBBBBBBBBBBBB', title: 'Altra' }

function edit(doc: Y.Doc, key: string, value: number): Uint8Array {
  let update: Uint8Array | null = null
  doc.once('update', (u: Uint8Array) => (update = u))
  doc.getMap('m').set(key, value)
  return update!
}

function edits(doc: Y.Doc, prefix: string, count: number): Uint8Array[] {
  return Array.from({ length: count }, (_, i) => edit(doc, `${prefix}${i}`, i))
}

function rebuild(...parts: StoredDocument[]): Y.Doc {
  const doc = new Y.Doc()
  for (const stored of parts) {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
    for (const update of stored.updates) Y.applyUpdate(doc, update)
  }
  return doc
}

const contentOf = (...parts: StoredDocument[]) => rebuild(...parts).getMap('m').toJSON()

for (const engine of engines) {
  describeWhenAvailable(`storage contract: ${engine.name}`, engine.unavailable, () => {
    const handles: BoardStorage[] = []
    const cleanups: (() => Promise<void>)[] = []

    async function fresh(): Promise<{ storage: BoardStorage; open(): Promise<BoardStorage> }> {
      const store = await engine.fresh()
      cleanups.push(store.cleanup)
      const open = async () => {
        const handle = await store.open()
        handles.push(handle)
        return handle
      }
      return { storage: await open(), open }
    }

    afterEach(async () => {
      for (const handle of handles.splice(0)) await handle.close()
      for (const cleanup of cleanups.splice(0)) await cleanup()
    })

    it('creates a board with its first snapshot at seq 0, and finds only boards that exist', async () => {
      const { storage } = await fresh()
      const doc = new Y.Doc()
      doc.getMap('m').set('seed', 1)
      await storage.createBoard(board, Y.encodeStateAsUpdate(doc))
      expect(await storage.getBoard(board.id)).toEqual(board)
      expect(await storage.getBoard(other.id)).toBeUndefined()
      const stored = await storage.loadDocument(board.id)
      expect(stored.seq).toBe(0)
      expect(stored.updates).toEqual([])
      expect(contentOf(stored)).toEqual({ seed: 1 })
      await expect(storage.createBoard(board, Y.encodeStateAsUpdate(doc))).rejects.toThrow()
    })

    it("numbers each board's updates 1, 2, 3… on its own and returns them in order", async () => {
      const { storage } = await fresh()
      const doc = new Y.Doc()
      await storage.createBoard(board, Y.encodeStateAsUpdate(doc))
      await storage.createBoard(other, Y.encodeStateAsUpdate(new Y.Doc()))
      expect(await storage.appendUpdates(board.id, edits(doc, 'a', 3))).toBe(3)
      expect(await storage.appendUpdates(other.id, edits(new Y.Doc(), 'o', 2))).toBe(2)
      expect(await storage.appendUpdates(board.id, edits(doc, 'b', 1))).toBe(4)
      const stored = await storage.loadDocument(board.id)
      expect(stored.seq).toBe(4)
      expect(stored.updates).toHaveLength(4)
      expect(contentOf(stored)).toEqual({ a0: 0, a1: 1, a2: 2, b0: 0 })
      expect((await storage.loadDocument(other.id)).seq).toBe(2)
    })

    it('refuses updates for a board that does not exist, and stores nothing of them', async () => {
      const { storage } = await fresh()
      await storage.createBoard(board, Y.encodeStateAsUpdate(new Y.Doc()))
      await expect(storage.appendUpdates(other.id, edits(new Y.Doc(), 'x', 2))).rejects.toThrow()
      expect(await storage.appendUpdates(board.id, edits(new Y.Doc(), 'y', 2))).toBe(2)
      expect((await storage.loadDocument(other.id)).updates).toEqual([])
    })

    it('after a seq, returns only the later updates, and the snapshot only once compaction passed that seq', async () => {
      const { storage } = await fresh()
      const doc = new Y.Doc()
      await storage.createBoard(board, Y.encodeStateAsUpdate(doc))
      const reader = new Y.Doc()
      Y.applyUpdate(reader, Y.encodeStateAsUpdate(doc))
      await storage.appendUpdates(board.id, edits(doc, 'a', 5))
      const firstTwo = await storage.loadDocument(board.id)
      firstTwo.updates.slice(0, 2).forEach((update) => Y.applyUpdate(reader, update))

      const after2 = await storage.loadDocument(board.id, 2)
      expect(after2.snapshot).toBeNull()
      expect(after2.updates).toHaveLength(3)
      expect(after2.seq).toBe(5)
      expect(await storage.loadDocument(board.id, 5)).toEqual({ snapshot: null, updates: [], seq: 5 })

      await storage.appendUpdates(board.id, edits(doc, 'b', 2))
      expect(await storage.compact(board.id, Y.encodeStateAsUpdate(doc), 7)).toBe(true)
      const afterCompaction = await storage.loadDocument(board.id, 2)
      expect(afterCompaction.snapshot).not.toBeNull()
      expect(afterCompaction.seq).toBe(7)
      // A reader at seq 2 that applies what it was given ends up with the whole board.
      Y.applyUpdate(reader, afterCompaction.snapshot!)
      afterCompaction.updates.forEach((update) => Y.applyUpdate(reader, update))
      expect(reader.getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON())
      expect((await storage.loadDocument(board.id, 7)).snapshot).toBeNull()
    })

    it('compaction through a seq keeps later updates, and never lets an older snapshot replace a newer one', async () => {
      const { storage } = await fresh()
      const doc = new Y.Doc()
      await storage.createBoard(board, Y.encodeStateAsUpdate(doc))
      await storage.appendUpdates(board.id, edits(doc, 'a', 10))
      const at10 = Y.encodeStateAsUpdate(doc)
      const late = edits(doc, 'late', 3)
      await storage.appendUpdates(board.id, late)

      expect(await storage.compact(board.id, at10, 10)).toBe(true)
      const stored = await storage.loadDocument(board.id)
      expect(stored.updates).toHaveLength(3)
      expect(stored.seq).toBe(13)
      expect(contentOf(stored)).toEqual(doc.getMap('m').toJSON())

      // A slower instance compacting with a document that reaches only seq 8.
      expect(await storage.compact(board.id, Y.encodeStateAsUpdate(new Y.Doc()), 8)).toBe(false)
      expect(await storage.compact(board.id, at10, 10)).toBe(false)
      expect(contentOf(await storage.loadDocument(board.id))).toEqual(doc.getMap('m').toJSON())
      expect(await storage.appendUpdates(board.id, edits(doc, 'c', 1))).toBe(14)
    })

    it('two handles appending to one board at once, taking turns, get distinct numbers without gaps, and lose nothing', async () => {
      const { storage, open } = await fresh()
      const second = await open()
      await storage.createBoard(board, Y.encodeStateAsUpdate(new Y.Doc()))
      const docA = new Y.Doc()
      const docB = new Y.Doc()
      // In turns: each handle's append follows one of the other's (on SQLite, whose calls run one after the other).
      const lasts = await Promise.all(
        Array.from({ length: 20 }, (_, i) => [
          storage.appendUpdates(board.id, [edit(docA, `a${i}`, i), edit(docA, `a${i}x`, i)]),
          second.appendUpdates(board.id, [edit(docB, `b${i}`, i)]),
        ]).flat(),
      )
      const numbers = lasts.flatMap((last, i) => (i % 2 === 0 ? [last - 1, last] : [last]))
      expect(numbers.sort((x, y) => x - y)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1))
      const stored = await second.loadDocument(board.id)
      expect(stored.seq).toBe(60)
      expect(Object.keys(contentOf(stored))).toHaveLength(60)
    })

    it('compaction happens once when two handles race, and keeps updates another handle appends meanwhile', async () => {
      const { storage, open } = await fresh()
      const second = await open()
      const doc = new Y.Doc()
      await storage.createBoard(board, Y.encodeStateAsUpdate(doc))
      await storage.appendUpdates(board.id, edits(doc, 'a', 50))
      const snapshot = Y.encodeStateAsUpdate(doc)
      const writer = new Y.Doc()
      const [first, again, ...appended] = await Promise.all([
        storage.compact(board.id, snapshot, 50),
        second.compact(board.id, snapshot, 50),
        ...Array.from({ length: 10 }, (_, i) => second.appendUpdates(board.id, [edit(writer, `w${i}`, i)])),
      ])
      expect([first, again].filter(Boolean)).toHaveLength(1)
      expect(appended.sort((x, y) => x - y)).toEqual(Array.from({ length: 10 }, (_, i) => 51 + i))
      const stored = await storage.loadDocument(board.id)
      expect(stored.updates).toHaveLength(10)
      expect(Object.keys(contentOf(stored))).toHaveLength(60)
    })

    it('claims Yjs client ids once: two handles claiming the same new ids at once are both told the one winner', async () => {
      const { storage, open } = await fresh()
      const second = await open()
      await storage.createBoard(board, Y.encodeStateAsUpdate(new Y.Doc()))
      await storage.createBoard(other, Y.encodeStateAsUpdate(new Y.Doc()))
      expect(await storage.claimClientIds(board.id, 'owner', [7])).toEqual(new Map([[7, 'owner']]))
      const ids = Array.from({ length: 40 }, (_, i) => 1000 + i).concat(7)
      const [toA, toB] = await Promise.all([storage.claimClientIds(board.id, 'alice', ids), second.claimClientIds(board.id, 'bob', ids)])
      // Both answers name the same owner for every id, one of the two claimants (7 kept its owner).
      expect(toA).toEqual(toB)
      expect([...toA.keys()].sort((x, y) => x - y)).toEqual([7, ...ids.slice(0, 40)])
      expect(toA.get(7)).toBe('owner')
      for (const id of ids.slice(0, 40)) expect(['alice', 'bob']).toContain(toA.get(id))
      expect(await second.loadClientOwners(board.id)).toEqual(toA)
      // Asked about some ids, it answers for those it has owners of, on that board only.
      expect(await second.loadClientOwners(board.id, [7, 1000, 99])).toEqual(new Map([[7, 'owner'], [1000, toA.get(1000)]]))
      expect(await second.loadClientOwners(other.id, [7])).toEqual(new Map())
      // Per board: the same id is free on another board.
      expect(await second.claimClientIds(other.id, 'bob', [7])).toEqual(new Map([[7, 'bob']]))
      expect(await storage.claimClientIds(board.id, 'bob', [])).toEqual(new Map())
    })

    it('rotates secrets by bumping the generation of an existing board only', async () => {
      const { storage } = await fresh()
      await storage.createBoard(board, Y.encodeStateAsUpdate(new Y.Doc()))
      expect(await storage.rotateSecrets(board.id)).toBe(1)
      expect(await storage.rotateSecrets(board.id)).toBe(2)
      expect((await storage.getBoard(board.id))?.secretGeneration).toBe(2)
      await expect(storage.rotateSecrets(other.id)).rejects.toThrow()
    })

    it("stores assets for an existing board and returns them byte for byte", async () => {
      const { storage } = await fresh()
      await storage.createBoard(board, Y.encodeStateAsUpdate(new Y.Doc()))
      const data = new Uint8Array([0, 1, 2, 255, 0])
      await storage.putAsset('DDDDDDDDDDDDDDDDDDDDDD', { boardId: board.id, contentType: 'image/png', data })
      expect(await storage.getAsset('DDDDDDDDDDDDDDDDDDDDDD')).toEqual({ boardId: board.id, contentType: 'image/png', data })
      expect(await storage.getAsset('EEEEEEEEEEEEEEEEEEEEEE')).toBeUndefined()
      await expect(storage.putAsset('DDDDDDDDDDDDDDDDDDDDDD', { boardId: board.id, contentType: 'image/png', data })).rejects.toThrow()
      await expect(storage.putAsset('FFFFFFFFFFFFFFFFFFFFFF', { boardId: other.id, contentType: 'image/png', data })).rejects.toThrow()
    })

    it("sums a board's image bytes, board by board", async () => {
      const { storage } = await fresh()
      await storage.createBoard(board, Y.encodeStateAsUpdate(new Y.Doc()))
      await storage.createBoard(other, Y.encodeStateAsUpdate(new Y.Doc()))
      expect(await storage.boardAssetBytes(board.id)).toBe(0)
      await storage.putAsset('DDDDDDDDDDDDDDDDDDDDDD', { boardId: board.id, contentType: 'image/png', data: new Uint8Array(300) })
      await storage.putAsset('EEEEEEEEEEEEEEEEEEEEEE', { boardId: board.id, contentType: 'image/png', data: new Uint8Array(45) })
      await storage.putAsset('FFFFFFFFFFFFFFFFFFFFFF', { boardId: other.id, contentType: 'image/png', data: new Uint8Array(7) })
      expect(await storage.boardAssetBytes(board.id)).toBe(345)
      expect(await storage.boardAssetBytes(other.id)).toBe(7)
    })

    it('keeps the people who joined a board, per board, once each', async () => {
      const { storage, open } = await fresh()
      await storage.createBoard(board, Y.encodeStateAsUpdate(new Y.Doc()))
      const person = { boardId: board.id, id: 'PPPPPPPPPPPPPPPPPPPPPP', name: 'Ada', role: 'citizen', accessRole: 'editor', joinedAt: 1_700_000_000_456 } as const
      await storage.addPerson(person)
      expect(await (await open()).getPerson(board.id, person.id)).toEqual(person)
      expect(await storage.getPerson(other.id, person.id)).toBeUndefined()
      expect(await storage.getPerson(board.id, 'QQQQQQQQQQQQQQQQQQQQQQ')).toBeUndefined()
      await expect(storage.addPerson(person)).rejects.toThrow()
      await expect(storage.addPerson({ ...person, boardId: other.id })).rejects.toThrow()
    })

    it("keeps each person's draft document like a board, lists a board's drafts, and never takes a draft for a board", async () => {
      const { storage, open } = await fresh()
      await storage.createBoard(board, Y.encodeStateAsUpdate(new Y.Doc()))
      await storage.createBoard(other, Y.encodeStateAsUpdate(new Y.Doc()))
      expect(await storage.listDrafts(board.id)).toEqual([])
      const ann = 'PPPPPPPPPPPPPPPPPPPPPP'
      const bob = 'QQQQQQQQQQQQQQQQQQQQQQ'
      const name = await storage.openDraft(board.id, ann)
      expect(name).toBe(draftDocName(board.id, ann))
      // Opening it again (another connection, another instance) keeps what it holds.
      const doc = new Y.Doc()
      expect(await storage.appendUpdates(name, edits(doc, 'card', 2))).toBe(2)
      expect(await (await open()).openDraft(board.id, ann)).toBe(name)
      expect(contentOf(await storage.loadDocument(name))).toEqual({ card0: 0, card1: 1 })
      expect(await storage.compact(name, Y.encodeStateAsUpdate(doc), 2)).toBe(true)
      expect(contentOf(await storage.loadDocument(name))).toEqual({ card0: 0, card1: 1 })
      await storage.claimClientIds(name, ann, [7])
      expect(await storage.loadClientOwners(name)).toEqual(new Map([[7, ann]]))
      expect(await storage.loadClientOwners(board.id)).toEqual(new Map())
      await storage.openDraft(board.id, bob)
      await storage.openDraft(other.id, bob)
      expect((await storage.listDrafts(board.id)).sort()).toEqual([ann, bob])
      expect(await storage.listDrafts(other.id)).toEqual([bob])
      // A draft is nobody's board: no links, no rotation, and its board's log is its own.
      expect(await storage.getBoard(name)).toBeUndefined()
      await expect(storage.rotateSecrets(name)).rejects.toThrow()
      expect((await storage.loadDocument(board.id)).seq).toBe(0)
      await expect(storage.openDraft('CCCCCCCCCCCCCCCCCCCCCC', ann)).rejects.toThrow()
    })

    it('adopts the first server key fingerprint it is given and refuses any other, on every handle', async () => {
      const { storage, open } = await fresh()
      await storage.adoptServerKey('first-key')
      await storage.adoptServerKey('first-key')
      await expect((await open()).adoptServerKey('another-key')).rejects.toThrow(OTHER_SERVER_KEY)
      await expect(storage.adoptServerKey('first-key')).resolves.toBeUndefined()
    })

    it('answers its health check while open and fails it once closed', async () => {
      const { storage } = await fresh()
      await expect(storage.check()).resolves.toBeUndefined()
      await storage.close()
      await expect(storage.check()).rejects.toThrow()
    })

    it('keeps everything across reopening, and handles opened at once agree on the schema', async () => {
      const { storage, open } = await fresh()
      const doc = new Y.Doc()
      await storage.createBoard(board, Y.encodeStateAsUpdate(doc))
      await storage.appendUpdates(board.id, edits(doc, 'a', 3))
      await storage.close()
      const [again, alsoAgain] = await Promise.all([open(), open()])
      expect(await again.getBoard(board.id)).toEqual(board)
      expect(contentOf(await alsoAgain.loadDocument(board.id))).toEqual(doc.getMap('m').toJSON())
    })
  })
}
