import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SQLITE_FILE_NAME, openSqliteStorage } from '../../server/src/storage/sqlite'
import type { BoardRecord, BoardStorage } from '../../server/src/storage/storage'
import { makeTempDataDir } from '../support/server'

const dirs: string[] = []
const opened: BoardStorage[] = []

function open(dir = makeTempDataDir()): { storage: BoardStorage; dir: string } {
  if (!dirs.includes(dir)) dirs.push(dir)
  const storage = openSqliteStorage(dir)
  opened.push(storage)
  return { storage, dir }
}

afterEach(async () => {
  for (const storage of opened.splice(0)) await storage.close()
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

const board: BoardRecord = { id: 'AAAAAAAAAAAAAAAAAAAAAA', title: 'T', template: 'blank', createdAt: 1, secretGeneration: 0 }

function edit(doc: Y.Doc, key: string, value: number): Uint8Array {
  let update: Uint8Array | null = null
  const capture = (u: Uint8Array) => (update = u)
  doc.once('update', capture)
  doc.getMap('m').set(key, value)
  return update!
}

function rebuild(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
  for (const update of stored.updates) Y.applyUpdate(doc, update)
  return doc
}

describe('SQLite storage', () => {
  it('creates its file in WAL mode on first use and keeps boards across reopening', async () => {
    const { storage, dir } = open()
    const doc = new Y.Doc()
    doc.getMap('meta').set('title', 'T')
    await storage.createBoard(board, Y.encodeStateAsUpdate(doc))
    await storage.appendUpdates(board.id, [edit(doc, 'a', 1), edit(doc, 'b', 2)])
    await storage.close()

    const db = new Database(path.join(dir, SQLITE_FILE_NAME))
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    db.close()

    const again = open(dir).storage
    expect(await again.getBoard(board.id)).toEqual(board)
    expect(await again.getBoard('BBBBBBBBBBBBBBBBBBBBBB')).toBeUndefined()
    const stored = await again.loadDocument(board.id)
    expect(stored.updates).toHaveLength(2)
    expect(rebuild(stored).getMap('m').toJSON()).toEqual({ a: 1, b: 2 })
  })

  it('compaction replaces the log with one snapshot holding the same content', async () => {
    const { storage } = open()
    const doc = new Y.Doc()
    await storage.createBoard(board, Y.encodeStateAsUpdate(doc))
    for (let i = 0; i < 100; i++) await storage.appendUpdates(board.id, [edit(doc, `k${i}`, i)])
    const before = rebuild(await storage.loadDocument(board.id)).getMap('m').toJSON()
    await storage.compact(board.id, Y.encodeStateAsUpdate(doc))
    const after = await storage.loadDocument(board.id)
    expect(after.updates).toHaveLength(0)
    expect(rebuild(after).getMap('m').toJSON()).toEqual(before)
  })

  it('a compaction cut short before its commit (a crash) leaves the log as it was', async () => {
    const { storage, dir } = open()
    const doc = new Y.Doc()
    await storage.createBoard(board, Y.encodeStateAsUpdate(doc))
    await storage.appendUpdates(board.id, [edit(doc, 'a', 1), edit(doc, 'b', 2)])
    // The same statements the engine runs, in a transaction that never commits, from a second
    // connection that then goes away as a killed process would.
    const crashing = new Database(path.join(dir, SQLITE_FILE_NAME))
    crashing.exec('BEGIN')
    crashing.prepare('UPDATE snapshots SET data = ? WHERE board_id = ?').run(Buffer.from([0, 0]), board.id)
    crashing.prepare('DELETE FROM updates WHERE board_id = ?').run(board.id)
    crashing.close()
    const stored = await storage.loadDocument(board.id)
    expect(stored.updates).toHaveLength(2)
    expect(rebuild(stored).getMap('m').toJSON()).toEqual({ a: 1, b: 2 })
  })

  it('refuses updates for a board that does not exist', async () => {
    const { storage } = open()
    await storage.createBoard(board, Y.encodeStateAsUpdate(new Y.Doc()))
    const doc = new Y.Doc()
    await expect(storage.appendUpdates('CCCCCCCCCCCCCCCCCCCCCC', [edit(doc, 'x', 1)])).rejects.toThrow(/FOREIGN KEY/)
    await storage.appendUpdates(board.id, [edit(doc, 'y', 1), edit(doc, 'z', 2)])
    expect((await storage.loadDocument(board.id)).updates).toHaveLength(2)
  })

  it('stores and returns assets, and answers its health check', async () => {
    const { storage } = open()
    await storage.createBoard(board, Y.encodeStateAsUpdate(new Y.Doc()))
    const data = new Uint8Array([1, 2, 3])
    await storage.putAsset('DDDDDDDDDDDDDDDDDDDDDD', { boardId: board.id, contentType: 'image/png', data })
    expect(await storage.getAsset('DDDDDDDDDDDDDDDDDDDDDD')).toEqual({ boardId: board.id, contentType: 'image/png', data })
    expect(await storage.getAsset('EEEEEEEEEEEEEEEEEEEEEE')).toBeUndefined()
    await expect(storage.check()).resolves.toBeUndefined()
    await storage.close()
    await expect(storage.check()).rejects.toThrow()
  })
})
