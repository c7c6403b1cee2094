import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { BoardRecord, BoardStorage, StoredAsset, StoredDocument } from './storage'

export const SQLITE_FILE_NAME = 'tavolo.sqlite'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  template TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  secret_generation INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS snapshots (
  board_id TEXT PRIMARY KEY REFERENCES boards(id),
  data BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  board_id TEXT NOT NULL REFERENCES boards(id),
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_by_board ON updates(board_id, seq);
CREATE TABLE IF NOT EXISTS assets (
  id TEXT PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id),
  content_type TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS client_ids (
  board_id TEXT NOT NULL REFERENCES boards(id),
  client_id INTEGER NOT NULL,
  person_id TEXT NOT NULL,
  PRIMARY KEY (board_id, client_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS health (id INTEGER PRIMARY KEY, checked_at INTEGER NOT NULL);
`

interface BoardRow {
  id: string
  title: string
  template: string
  created_at: number
  secret_generation: number
}

const toBytes = (buffer: Buffer): Uint8Array => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
// better-sqlite3 binds Buffers as BLOBs; this views the same memory without copying.
const toBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)

/** SQLite through better-sqlite3: one file under the data folder, WAL mode, created on first use. */
export function openSqliteStorage(dataDir: string): BoardStorage {
  fs.mkdirSync(dataDir, { recursive: true })
  const db = new Database(path.join(dataDir, SQLITE_FILE_NAME))
  db.pragma('journal_mode = WAL')
  // NORMAL in WAL mode: a committed transaction survives a process crash (kill -9); only an
  // OS crash or power loss may drop the last ones.
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.exec(SCHEMA)

  const insertBoard = db.prepare(
    'INSERT INTO boards (id, title, template, created_at, secret_generation) VALUES (?, ?, ?, ?, ?)',
  )
  const selectBoard = db.prepare<[string], BoardRow>('SELECT * FROM boards WHERE id = ?')
  const bumpGeneration = db.prepare<[string], { secret_generation: number }>(
    'UPDATE boards SET secret_generation = secret_generation + 1 WHERE id = ? RETURNING secret_generation',
  )
  const upsertSnapshot = db.prepare(
    'INSERT INTO snapshots (board_id, data) VALUES (?, ?) ON CONFLICT(board_id) DO UPDATE SET data = excluded.data',
  )
  const selectSnapshot = db.prepare<[string], { data: Buffer }>('SELECT data FROM snapshots WHERE board_id = ?')
  const selectUpdates = db.prepare<[string], { data: Buffer }>('SELECT data FROM updates WHERE board_id = ? ORDER BY seq')
  const insertUpdate = db.prepare('INSERT INTO updates (board_id, data) VALUES (?, ?)')
  const deleteUpdates = db.prepare('DELETE FROM updates WHERE board_id = ?')
  const insertAsset = db.prepare('INSERT INTO assets (id, board_id, content_type, data) VALUES (?, ?, ?, ?)')
  const selectAsset = db.prepare<[string], { board_id: string; content_type: string; data: Buffer }>(
    'SELECT board_id, content_type, data FROM assets WHERE id = ?',
  )
  const selectClientIds = db.prepare<[string], { client_id: number; person_id: string }>(
    'SELECT client_id, person_id FROM client_ids WHERE board_id = ?',
  )
  const insertClientId = db.prepare('INSERT INTO client_ids (board_id, client_id, person_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
  const touchHealth = db.prepare('INSERT INTO health (id, checked_at) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET checked_at = excluded.checked_at')

  const createBoard = db.transaction((board: BoardRecord, snapshot: Uint8Array) => {
    insertBoard.run(board.id, board.title, board.template, board.createdAt, board.secretGeneration)
    upsertSnapshot.run(board.id, toBuffer(snapshot))
  })
  const appendUpdates = db.transaction((boardId: string, updates: readonly Uint8Array[]) => {
    for (const update of updates) insertUpdate.run(boardId, toBuffer(update))
  })
  const claimClientIds = db.transaction((boardId: string, personId: string, clientIds: readonly number[]) => {
    for (const clientId of clientIds) insertClientId.run(boardId, clientId, personId)
  })
  // One transaction: a crash before COMMIT leaves the old snapshot and every update in place.
  const compact = db.transaction((boardId: string, snapshot: Uint8Array) => {
    upsertSnapshot.run(boardId, toBuffer(snapshot))
    deleteUpdates.run(boardId)
  })
  const loadDocument = db.transaction((boardId: string): StoredDocument => {
    const snapshot = selectSnapshot.get(boardId)
    return {
      snapshot: snapshot ? toBytes(snapshot.data) : null,
      updates: selectUpdates.all(boardId).map((row) => toBytes(row.data)),
    }
  })

  return {
    async createBoard(board, initialSnapshot) {
      createBoard(board, initialSnapshot)
    },
    async getBoard(id) {
      const row = selectBoard.get(id)
      if (!row) return undefined
      return {
        id: row.id,
        title: row.title,
        template: row.template,
        createdAt: row.created_at,
        secretGeneration: row.secret_generation,
      }
    },
    async rotateSecrets(id) {
      const row = bumpGeneration.get(id)
      if (!row) throw new Error(`no board ${id}`)
      return row.secret_generation
    },
    async loadDocument(boardId) {
      return loadDocument(boardId)
    },
    async appendUpdates(boardId, updates) {
      if (updates.length > 0) appendUpdates(boardId, updates)
    },
    async compact(boardId, snapshot) {
      compact(boardId, snapshot)
    },
    async loadClientOwners(boardId) {
      return new Map(selectClientIds.all(boardId).map((row) => [row.client_id, row.person_id]))
    },
    async claimClientIds(boardId, personId, clientIds) {
      if (clientIds.length > 0) claimClientIds(boardId, personId, clientIds)
    },
    async putAsset(assetId, asset: StoredAsset) {
      insertAsset.run(assetId, asset.boardId, asset.contentType, toBuffer(asset.data))
    },
    async getAsset(assetId) {
      const row = selectAsset.get(assetId)
      return row ? { boardId: row.board_id, contentType: row.content_type, data: toBytes(row.data) } : undefined
    },
    async check() {
      touchHealth.run(Date.now())
    },
    async close() {
      if (db.open) db.close()
    },
  }
}
