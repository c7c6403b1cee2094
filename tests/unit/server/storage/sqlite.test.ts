import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MIGRATIONS_DIR } from '../../../../server/src/paths'
import { SQLITE_FILE_NAME, openSqliteStorage } from '../../../../server/src/storage/sqlite'
import type { BoardRecord, BoardStorage } from '../../../../server/src/storage/storage'
import { makeTempDataDir } from '../../../support/server'
import { draftDocName } from '../../../../shared/src/levels/draftDoc'

// What only the SQLite engine does; the storage contract itself is tests/integration/storage-contract.test.ts.

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
  doc.once('update', (u: Uint8Array) => (update = u))
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
  it('creates its file in WAL mode on first use, with every migration recorded', async () => {
    const { storage, dir } = open()
    await storage.close()
    const db = new Database(path.join(dir, SQLITE_FILE_NAME))
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all().map((row) => (row as { version: number }).version)
    db.close()
    expect(versions).toEqual(fs.readdirSync(path.join(MIGRATIONS_DIR, 'sqlite')).map((_, i) => i + 1))
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
    crashing.prepare('UPDATE snapshots SET data = ?, seq = 2 WHERE board_id = ?').run(Buffer.from([0, 0]), board.id)
    crashing.prepare('DELETE FROM updates WHERE key >> 32 = (SELECT log_id FROM boards WHERE id = ?)').run(board.id)
    crashing.close()
    const stored = await storage.loadDocument(board.id)
    expect(stored.updates).toHaveLength(2)
    expect(rebuild(stored).getMap('m').toJSON()).toEqual({ a: 1, b: 2 })
  })

  it('opens a database made before numbered logs, numbering each board’s updates in their order', async () => {
    const dir = makeTempDataDir()
    dirs.push(dir)
    const old = new Database(path.join(dir, SQLITE_FILE_NAME))
    old.exec(fs.readFileSync(path.join(MIGRATIONS_DIR, 'sqlite', '001_init.sql'), 'utf8'))
    const docs = { A: new Y.Doc(), B: new Y.Doc() }
    for (const id of ['A', 'B'] as const) {
      old.prepare('INSERT INTO boards (id, title, template, created_at) VALUES (?, ?, ?, 1)').run(id.repeat(22), id, 'blank')
      old.prepare('INSERT INTO snapshots (board_id, data) VALUES (?, ?)').run(id.repeat(22), Buffer.from(Y.encodeStateAsUpdate(docs[id])))
    }
    // Interleaved, as the old global numbering stored them.
    for (let i = 0; i < 6; i++) {
      const id = i % 3 === 0 ? 'B' : 'A'
      old.prepare('INSERT INTO updates (board_id, data) VALUES (?, ?)').run(id.repeat(22), Buffer.from(edit(docs[id], `k${i}`, i)))
    }
    old.close()

    const { storage } = open(dir)
    const a = await storage.loadDocument('A'.repeat(22))
    expect(a.seq).toBe(4)
    expect(rebuild(a).getMap('m').toJSON()).toEqual(docs.A.getMap('m').toJSON())
    expect((await storage.loadDocument('A'.repeat(22), 3)).updates).toHaveLength(1)
    expect((await storage.loadDocument('B'.repeat(22))).seq).toBe(2)
    expect(await storage.appendUpdates('B'.repeat(22), [edit(docs.B, 'new', 1)])).toBe(3)
  })

  it('opens a database of schema 6 (raw snapshots, the seq on the board row), keeps its numbering and stores the next snapshot deflated', async () => {
    const dir = makeTempDataDir()
    dirs.push(dir)
    const old = new Database(path.join(dir, SQLITE_FILE_NAME))
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)')
    for (const file of fs.readdirSync(path.join(MIGRATIONS_DIR, 'sqlite')).slice(0, 6)) {
      old.exec(fs.readFileSync(path.join(MIGRATIONS_DIR, 'sqlite', file), 'utf8'))
      old.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, 0)').run(Number(file.slice(0, 3)), file)
    }
    const doc = new Y.Doc()
    // Seqs 1 and 2 are in the snapshot, 3 in the log.
    edit(doc, 'a', 1)
    edit(doc, 'b', 2)
    const snapshot = Y.encodeStateAsUpdate(doc)
    old.prepare('INSERT INTO boards (id, title, template, created_at, last_seq) VALUES (?, ?, ?, 1, 3)').run(board.id, 'T', 'blank')
    old.prepare('INSERT INTO snapshots (board_id, seq, data) VALUES (?, 2, ?)').run(board.id, Buffer.from(snapshot))
    old.prepare('INSERT INTO updates (board_id, seq, data) VALUES (?, 3, ?)').run(board.id, Buffer.from(edit(doc, 'c', 3)))
    old.close()

    const { storage } = open(dir)
    const stored = await storage.loadDocument(board.id)
    expect(stored.seq).toBe(3)
    expect(stored.snapshot).toEqual(snapshot)
    expect(rebuild(stored).getMap('m').toJSON()).toEqual({ a: 1, b: 2, c: 3 })
    expect(await storage.appendUpdates(board.id, [edit(doc, 'd', 4)])).toBe(4)
    expect(await storage.compact(board.id, Y.encodeStateAsUpdate(doc), 4)).toBe(true)
    await storage.close()

    const db = new Database(path.join(dir, SQLITE_FILE_NAME))
    const row = db.prepare('SELECT encoding, length(data) AS bytes FROM snapshots WHERE board_id = ?').get(board.id) as { encoding: number; bytes: number }
    db.close()
    expect(row.encoding).toBe(1)
    const reopened = open(dir).storage
    const after = await reopened.loadDocument(board.id)
    expect(after.seq).toBe(4)
    expect(after.updates).toHaveLength(0)
    expect(rebuild(after).getMap('m').toJSON()).toEqual({ a: 1, b: 2, c: 3, d: 4 })
    expect(await reopened.appendUpdates(board.id, [edit(doc, 'e', 5)])).toBe(5)
  })

  it('opens a database of schema 7 (updates keyed by board and seq), keeps every board’s log and numbering, and then writes one page per appended update', async () => {
    const dir = makeTempDataDir()
    dirs.push(dir)
    const old = new Database(path.join(dir, SQLITE_FILE_NAME))
    old.pragma('page_size = 1024')
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)')
    for (const file of fs.readdirSync(path.join(MIGRATIONS_DIR, 'sqlite')).slice(0, 7)) {
      old.exec(fs.readFileSync(path.join(MIGRATIONS_DIR, 'sqlite', file), 'utf8'))
      old.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, 0)').run(Number(file.slice(0, 3)), file)
    }
    // Board A compacted through 2 with 3 and 4 in its log, B never compacted, a draft of A's with
    // one update; their logs interleaved, as they were written.
    const ids = { A: 'A'.repeat(22), B: 'B'.repeat(22), draft: draftDocName('A'.repeat(22), 'P'.repeat(22)) }
    const docs = { A: new Y.Doc(), B: new Y.Doc(), draft: new Y.Doc() }
    old.prepare('INSERT INTO boards (id, title, template, created_at) VALUES (?, ?, ?, 1), (?, ?, ?, 1)').run(ids.A, 'A', 'blank', ids.B, 'B', 'blank')
    old.prepare("INSERT INTO boards (id, title, template, created_at, draft_of, draft_person) VALUES (?, '', '', 1, ?, ?)").run(ids.draft, ids.A, 'P'.repeat(22))
    edit(docs.A, 'a1', 1)
    edit(docs.A, 'a2', 2)
    const insertSnapshot = old.prepare('INSERT INTO snapshots (board_id, seq, data) VALUES (?, ?, ?)')
    insertSnapshot.run(ids.A, 2, Buffer.from(Y.encodeStateAsUpdate(docs.A)))
    insertSnapshot.run(ids.B, 0, Buffer.from(Y.encodeStateAsUpdate(docs.B)))
    insertSnapshot.run(ids.draft, 0, Buffer.from(Y.encodeStateAsUpdate(docs.draft)))
    const insertUpdate = old.prepare('INSERT INTO updates (board_id, seq, data) VALUES (?, ?, ?)')
    insertUpdate.run(ids.A, 3, Buffer.from(edit(docs.A, 'a3', 3)))
    insertUpdate.run(ids.B, 1, Buffer.from(edit(docs.B, 'b1', 1)))
    insertUpdate.run(ids.draft, 1, Buffer.from(edit(docs.draft, 'd1', 1)))
    insertUpdate.run(ids.A, 4, Buffer.from(edit(docs.A, 'a4', 4)))
    insertUpdate.run(ids.B, 2, Buffer.from(edit(docs.B, 'b2', 2)))
    old.close()

    const { storage } = open(dir)
    for (const [name, seq, logged] of [['A', 4, 2], ['B', 2, 2], ['draft', 1, 1]] as const) {
      const stored = await storage.loadDocument(ids[name])
      expect(stored.seq).toBe(seq)
      expect(stored.updates).toHaveLength(logged)
      expect(rebuild(stored).getMap('m').toJSON()).toEqual(docs[name].getMap('m').toJSON())
    }
    expect((await storage.loadDocument(ids.A, 3)).updates).toHaveLength(1)
    expect(await storage.appendUpdates(ids.B, [edit(docs.B, 'b3', 3)])).toBe(3)
    // A board made after the migration has a log of its own.
    const fresh = new Y.Doc()
    await storage.createBoard({ ...board, id: 'C'.repeat(22) }, Y.encodeStateAsUpdate(fresh))
    expect(await storage.appendUpdates('C'.repeat(22), [edit(fresh, 'f1', 1)])).toBe(1)
    expect(await storage.compact(ids.A, Y.encodeStateAsUpdate(docs.A), 4)).toBe(true)
    expect((await storage.loadDocument(ids.A)).updates).toHaveLength(0)
    expect(rebuild(await storage.loadDocument(ids.B)).getMap('m').toJSON()).toEqual({ b1: 1, b2: 2, b3: 3 })
    expect(rebuild(await storage.loadDocument('C'.repeat(22))).getMap('m').toJSON()).toEqual({ f1: 1 })

    // What the migration is for: an update of a few bytes costs one page in the WAL, not two
    // (the table's and its index's). Measured one append at a time, around its commit.
    const wal = path.join(dir, `${SQLITE_FILE_NAME}-wal`)
    const frames: number[] = []
    for (let i = 0; i < 60; i++) {
      const before = fs.statSync(wal).size
      const appended = storage.appendUpdates(ids.B, [edit(docs.B, `n${i}`, i)])
      frames.push((fs.statSync(wal).size - before) / (1024 + 24))
      await appended
    }
    expect(frames.sort((x, y) => x - y)[30]).toBe(1)
  })

  it('refuses an append past the last seq a board’s log can number, and stores none of it', async () => {
    const { storage, dir } = open()
    const doc = new Y.Doc()
    await storage.createBoard(board, Y.encodeStateAsUpdate(doc))
    const other = new Database(path.join(dir, SQLITE_FILE_NAME))
    other.prepare('UPDATE snapshots SET seq = ? WHERE board_id = ?').run(2 ** 32 - 2, board.id)
    other.close()
    expect(await storage.appendUpdates(board.id, [edit(doc, 'a', 1)])).toBe(2 ** 32 - 1)
    await expect(storage.appendUpdates(board.id, [edit(doc, 'b', 2)])).rejects.toThrow(/update log is full/)
    const stored = await storage.loadDocument(board.id)
    expect(stored.seq).toBe(2 ** 32 - 1)
    expect(stored.updates).toHaveLength(1)
  })

  it('stores a snapshot deflated: a board of text takes a fraction of its live size', async () => {
    const { storage, dir } = open()
    const doc = new Y.Doc()
    const text = doc.getText('t')
    for (let i = 0; i < 200; i++) text.insert(text.length, `note ${i % 7}: the team wants a shorter sign-up flow. `)
    const live = Y.encodeStateAsUpdate(doc)
    await storage.createBoard(board, live)
    await storage.close()
    const db = new Database(path.join(dir, SQLITE_FILE_NAME))
    const { bytes } = db.prepare('SELECT length(data) AS bytes FROM snapshots WHERE board_id = ?').get(board.id) as { bytes: number }
    db.close()
    expect(bytes).toBeLessThan(live.byteLength / 3)
    expect((await open(dir).storage.loadDocument(board.id)).snapshot).toEqual(live)
  })

  it('stores a snapshot past 1 MiB as it is (deflating it would hold up the event loop), and reads it back', async () => {
    const { storage, dir } = open()
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'a large board '.repeat(80_000))
    const live = Y.encodeStateAsUpdate(doc)
    expect(live.byteLength).toBeGreaterThan(1024 * 1024)
    await storage.createBoard(board, live)
    await storage.close()
    const db = new Database(path.join(dir, SQLITE_FILE_NAME))
    const row = db.prepare('SELECT encoding, length(data) AS bytes FROM snapshots WHERE board_id = ?').get(board.id) as { encoding: number; bytes: number }
    db.close()
    expect(row).toEqual({ encoding: 0, bytes: live.byteLength })
    // Compared as one buffer: a deep equality of a million elements takes seconds.
    expect(Buffer.from((await open(dir).storage.loadDocument(board.id)).snapshot!).equals(live)).toBe(true)
  })

  it('starts the WAL over as soon as it is emptied (after a compaction, after a checkpoint that copied all of it), not in the commit of the next batch', async () => {
    const { storage, dir } = open()
    const wal = path.join(dir, `${SQLITE_FILE_NAME}-wal`)
    const walBytes = () => (fs.existsSync(wal) ? fs.statSync(wal).size : 0)
    // A WAL started over holds its 32-byte header and the frame or two of the write that started
    // it; an emptied one that waits for the next batch's commit has no bytes at all.
    const startedOver = () => walBytes() > 32 && walBytes() <= 32 + 2 * (24 + 1024)
    const salt = () => fs.readFileSync(wal).subarray(16, 24).toString('hex')
    const doc = new Y.Doc()
    await storage.createBoard(board, Y.encodeStateAsUpdate(doc))
    await storage.appendUpdates(board.id, [edit(doc, 'a', 1)])
    await storage.compact(board.id, Y.encodeStateAsUpdate(doc), 1)
    expect(startedOver()).toBe(true)

    // Past its threshold the worker checkpoints the WAL; once a checkpoint has copied all of it,
    // the next commit would start it over. Each of these commits writes several frames.
    const text = doc.getText('t')
    let appended = 0
    do {
      let update: Uint8Array | null = null
      doc.once('update', (u: Uint8Array) => (update = u))
      text.insert(0, 'x'.repeat(2000))
      await storage.appendUpdates(board.id, [update!])
      await new Promise((resolve) => setTimeout(resolve, 5))
    } while (!startedOver() && ++appended < 200)
    expect(startedOver()).toBe(true)
    // A checkpoint queued meanwhile copies that write too, and starts the WAL over once more.
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(startedOver()).toBe(true)
    const before = salt()
    await storage.appendUpdates(board.id, [edit(doc, 'b', 2)])
    expect(salt()).toBe(before)
  })

  it('a write that starts the WAL over and fails is logged; what it followed stands', async () => {
    const dir = makeTempDataDir()
    dirs.push(dir)
    const errors: string[] = []
    const storage = openSqliteStorage(dir, { error: (message) => errors.push(message) })
    opened.push(storage)
    const doc = new Y.Doc()
    await storage.createBoard(board, Y.encodeStateAsUpdate(doc))
    await storage.appendUpdates(board.id, [edit(doc, 'a', 1)])
    const other = new Database(path.join(dir, SQLITE_FILE_NAME))
    other.exec(`CREATE TRIGGER refuse_insert BEFORE INSERT ON health BEGIN SELECT RAISE(ABORT, 'refused'); END;
                CREATE TRIGGER refuse_update BEFORE UPDATE ON health BEGIN SELECT RAISE(ABORT, 'refused'); END;`)
    other.close()
    expect(await storage.compact(board.id, Y.encodeStateAsUpdate(doc), 1)).toBe(true)
    expect(errors).toEqual([expect.stringContaining('starting the WAL over failed: refused')])
    const stored = await storage.loadDocument(board.id)
    expect(stored.updates).toHaveLength(0)
    expect(rebuild(stored).getMap('m').toJSON()).toEqual({ a: 1 })
  })

  it('refuses a database migrated by a newer Tavolo', async () => {
    const { storage, dir } = open()
    await storage.close()
    const db = new Database(path.join(dir, SQLITE_FILE_NAME))
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 0)").run()
    db.close()
    expect(() => openSqliteStorage(dir)).toThrow(/schema version 999, newer than this Tavolo knows/)
  })
})
