import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import zlib from 'node:zlib'
import type Database from 'better-sqlite3'
import { checkNotNewer, readMigrations } from './migrations'
import { sqliteCheckpointer } from './sqliteCheckpointer'
import type { Logger } from '../log'
import type { AccessRole, PersonRole } from '../../../shared/src/roles'
import { draftDocName } from '../../../shared/src/levels/draftDoc'
import { OTHER_SERVER_KEY, type BoardRecord, type BoardStorage, type StoredAsset, type StoredDocument } from './storage'

export const SQLITE_FILE_NAME = 'tavolo.sqlite'

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

// Snapshots are stored deflated (`snapshots.encoding`, migration 007): a board's records compress
// about 3–4×, which leaves room in the files for the log and the WAL between compactions, and a
// compaction writes and flushes a third of the pages. The fastest level: about a millisecond for a
// 90 KB board. Past DEFLATE_MAX_BYTES they stay raw: deflating (at compaction) and inflating (at
// load) a 16 MiB board takes 100–400 ms of the event loop, while its WAL and log are a small share of it.
const SNAPSHOT_RAW = 0
const SNAPSHOT_DEFLATED = 1
const DEFLATE_MAX_BYTES = 1024 * 1024
const encodeSnapshot = (snapshot: Uint8Array): [Buffer, number] =>
  snapshot.byteLength > DEFLATE_MAX_BYTES
    ? [toBuffer(snapshot), SNAPSHOT_RAW]
    : [zlib.deflateRawSync(snapshot, { level: zlib.constants.Z_BEST_SPEED }), SNAPSHOT_DEFLATED]
function storedSnapshot(row: { data: Buffer; encoding: number }): Uint8Array {
  if (row.encoding === SNAPSHOT_RAW) return toBytes(row.data)
  if (row.encoding === SNAPSHOT_DEFLATED) return toBytes(zlib.inflateRawSync(row.data))
  throw new Error(`snapshot encoding ${row.encoding} is unknown to this Tavolo`)
}

/** Applies the migrations this file has not seen, recorded in schema_migrations. */
function migrate(db: Database.Database, file: string): void {
  const migrations = readMigrations('sqlite')
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)')
  // IMMEDIATE takes the write lock first, so two processes opening one file migrate it once.
  db.transaction(() => {
    const applied = db.prepare<[], { version: number }>('SELECT version FROM schema_migrations').all().map((row) => row.version)
    checkNotNewer(applied, migrations, file)
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
    for (const migration of migrations) {
      if (applied.includes(migration.version)) continue
      db.exec(migration.sql)
      record.run(migration.version, migration.name, Date.now())
    }
  }).immediate()
}

// Checkpoints are ours, not SQLite's: its automatic one (with a disk flush) ran inside a commit,
// before the batch it ended was relayed. Ours run in a worker thread (sqliteCheckpointer.ts), off
// the event loop: once the WAL outgrows a share of the database (and this minimum: a board edited
// steadily writes about 3.5 KB of WAL per edit, 75 KB between two compactions, the files' largest
// part; the WAL starts over only after a checkpoint that no commit overtook while it flushed, so
// the worker starts early, to have several tries), and after CHECKPOINT_IDLE_MS without writes, when the WAL is emptied
// (on the event loop while no worker has been needed). Compaction (rare) and a WAL past
// WAL_MAX_SHARE_OF_THRESHOLD times the threshold, and past WAL_EMPTY_NOW_MIN_BYTES (a worker behind
// a burst), empty it on the event loop, before going on.
const CHECKPOINT_IDLE_MS = 250
const WAL_MIN_BYTES = 16 * 1024
const WAL_SHARE_OF_DATABASE = 0.25
const WAL_MAX_SHARE_OF_THRESHOLD = 4
const WAL_EMPTY_NOW_MIN_BYTES = 1024 * 1024
// Small pages keep a small board's file small (the schema alone is one page per table and index).
const NEW_FILE_PAGE_SIZE = 1024
// An update's key is (log_id << 32) | seq (migration 008): a board's seqs stop below 2^32, past
// which they would run into the next board's keys.
const MAX_SEQ = 2 ** 32 - 1
// A new board's (or draft's) log number.
const NEXT_LOG_ID = '(SELECT COALESCE(MAX(log_id), 0) + 1 FROM boards)'

const fileSize = (file: string): number => {
  try {
    return fs.statSync(file).size
  } catch {
    return 0
  }
}

/**
 * SQLite through better-sqlite3: one file under the data folder, WAL mode, created on first use.
 * `logger` hears of failed checkpoints (the console when none is given).
 */
export function openSqliteStorage(dataDir: string, logger: Pick<Logger, 'error'> = console): BoardStorage {
  fs.mkdirSync(dataDir, { recursive: true })
  const file = path.join(dataDir, SQLITE_FILE_NAME)
  const isNew = fileSize(file) === 0
  // Required when a SQLite engine opens, not at import: a server on PostgreSQL never loads it, and
  // a CommonJS package loads faster through require than through the ES module loader.
  const BetterSqlite3: typeof Database = createRequire(import.meta.url)('better-sqlite3')
  const db = new BetterSqlite3(file)
  if (isNew) db.pragma(`page_size = ${NEW_FILE_PAGE_SIZE}`)
  // Pages freed by compaction are given back to the file system (incremental_vacuum below); an
  // older file is converted once.
  if (db.pragma('auto_vacuum', { simple: true }) !== 2) {
    db.pragma('auto_vacuum = INCREMENTAL')
    if (!isNew) db.exec('VACUUM')
  }
  db.pragma('journal_mode = WAL')
  // NORMAL in WAL mode: a committed transaction survives a process crash (kill -9); only an
  // OS crash or power loss may drop the last ones.
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma('wal_autocheckpoint = 0')
  // Each time the WAL starts over, its file is cut back to nothing.
  db.pragma('journal_size_limit = 0')
  const walFile = `${file}-wal`
  /**
   * The first commit into an emptied WAL starts it over: it writes the WAL's header and flushes it
   * to disk (0.5–5 ms, the slowest commits by far). Done by a small write as soon as the WAL is
   * emptied, between two relays, rather than by the next batch's commit before it is relayed.
   */
  const startWalOver = () => {
    if (!db.open) return
    try {
      touchHealth.run(Date.now())
    } catch (error) {
      // Nothing is lost: the next commit starts the WAL over instead (and meets the same error).
      logger.error(`SQLite ${file}: starting the WAL over failed: ${(error as Error).message}`)
    }
  }
  const checkpointer = sqliteCheckpointer(file, (message) => logger.error(`SQLite ${file}: ${message}`), startWalOver)
  /** Empties the WAL now; waits for the worker's checkpoint first (one runs at a time). */
  const emptyWalNow = () => {
    checkpointer.waitUntilIdle()
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[]
    if (result.busy) checkpointer.request('TRUNCATE')
    else startWalOver()
  }
  let idleCheckpoint: NodeJS.Timeout | null = null
  /** Called after every write transaction. */
  const afterWrite = () => {
    const walBytes = fileSize(walFile)
    // The database's size matters only past the minimum: one file status per write, not two.
    const threshold = walBytes > WAL_MIN_BYTES ? Math.max(WAL_MIN_BYTES, fileSize(file) * WAL_SHARE_OF_DATABASE) : WAL_MIN_BYTES
    if (walBytes > Math.max(WAL_EMPTY_NOW_MIN_BYTES, threshold * WAL_MAX_SHARE_OF_THRESHOLD)) emptyWalNow()
    else if (walBytes > threshold) checkpointer.request('PASSIVE')
    if (idleCheckpoint) idleCheckpoint.refresh()
    else idleCheckpoint = setTimeout(() => {
      idleCheckpoint = null
      if (!db.open) return
      // Pages freed by compaction go back to the file system (a write, without a disk flush).
      db.pragma('incremental_vacuum')
      // A server whose WAL never outgrew the threshold has no worker: at this quiet moment the
      // checkpoint runs here rather than start a thread for it.
      if (checkpointer.started) checkpointer.request('TRUNCATE')
      else db.pragma('wal_checkpoint(TRUNCATE)')
    }, CHECKPOINT_IDLE_MS).unref()
  }
  let afterAppend: NodeJS.Immediate | null = null
  /** After an append: its batch is relayed as soon as it is committed, and the WAL's size read after that. */
  const afterWriteSoon = () => {
    afterAppend ??= setImmediate(() => {
      afterAppend = null
      afterWrite()
    })
  }
  try {
    migrate(db, file)
  } catch (error) {
    db.close()
    throw error
  }

  const insertBoard = db.prepare(
    `INSERT INTO boards (id, title, template, created_at, secret_generation, log_id) VALUES (?, ?, ?, ?, ?, ${NEXT_LOG_ID})`,
  )
  const selectBoard = db.prepare<[string], BoardRow>(
    'SELECT id, title, template, created_at, secret_generation FROM boards WHERE id = ? AND draft_of IS NULL',
  )
  const insertDraft = db.prepare(
    `INSERT INTO boards (id, title, template, created_at, draft_of, draft_person, log_id) VALUES (?, '', '', ?, ?, ?, ${NEXT_LOG_ID}) ON CONFLICT DO NOTHING`,
  )
  const selectDrafts = db.prepare<[string], { draft_person: string }>('SELECT draft_person FROM boards WHERE draft_of = ?')
  const bumpGeneration = db.prepare<[string], { secret_generation: number }>(
    'UPDATE boards SET secret_generation = secret_generation + 1 WHERE id = ? AND draft_of IS NULL RETURNING secret_generation',
  )
  // A board's log number and last seq: its log's highest, or its snapshot's once compaction emptied
  // the log (no board row rewritten per append: one page fewer in the WAL). No row when there is no such board.
  const selectTail = db.prepare<[string], { log_id: number; last_seq: number }>(
    `SELECT log_id,
            MAX(COALESCE((SELECT key & ${MAX_SEQ} FROM updates WHERE key > log_id << 32 AND key < (log_id + 1) << 32
                          ORDER BY key DESC LIMIT 1), 0),
                COALESCE((SELECT seq FROM snapshots WHERE board_id = boards.id), 0)) AS last_seq
     FROM boards WHERE id = ?`,
  )
  // Deleted, then inserted: the new snapshot reuses the old one's pages instead of growing the
  // file by a second copy (an update in place writes the new value before freeing the old).
  const deleteSnapshot = db.prepare('DELETE FROM snapshots WHERE board_id = ?')
  const insertSnapshot = db.prepare('INSERT INTO snapshots (board_id, seq, data, encoding) VALUES (?, ?, ?, ?)')
  const selectSnapshot = db.prepare<[string], { seq: number; data: Buffer; encoding: number }>(
    'SELECT seq, data, encoding FROM snapshots WHERE board_id = ?',
  )
  const selectUpdates = db.prepare<{ logId: number; afterSeq: number }, { data: Buffer }>(
    'SELECT data FROM updates WHERE key > (@logId << 32) | @afterSeq AND key < (@logId + 1) << 32 ORDER BY key',
  )
  const insertUpdate = db.prepare<[number, number, Buffer]>('INSERT INTO updates (key, data) VALUES ((? << 32) | ?, ?)')
  const deleteUpdates = db.prepare<{ logId: number; throughSeq: number }>(
    'DELETE FROM updates WHERE key > @logId << 32 AND key <= (@logId << 32) | @throughSeq',
  )
  const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck()
  const insertAsset = db.prepare('INSERT INTO assets (id, board_id, content_type, data) VALUES (?, ?, ?, ?)')
  const selectAsset = db.prepare<[string], { board_id: string; content_type: string; data: Buffer }>(
    'SELECT board_id, content_type, data FROM assets WHERE id = ?',
  )
  const selectClientIds = db.prepare<[string], { client_id: number; person_id: string }>(
    'SELECT client_id, person_id FROM client_ids WHERE board_id = ?',
  )
  const insertClientId = db.prepare('INSERT INTO client_ids (board_id, client_id, person_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
  const sumAssetBytes = db.prepare<[string], { bytes: number }>(
    'SELECT COALESCE(SUM(LENGTH(data)), 0) AS bytes FROM assets WHERE board_id = ?',
  )
  const insertPerson = db.prepare('INSERT INTO people (board_id, id, name, role, access_role, joined_at) VALUES (?, ?, ?, ?, ?, ?)')
  const selectPerson = db.prepare<[string, string], { name: string; role: PersonRole; access_role: AccessRole; joined_at: number }>(
    'SELECT name, role, access_role, joined_at FROM people WHERE board_id = ? AND id = ?',
  )
  const insertServerKey = db.prepare('INSERT INTO server_key (id, fingerprint) VALUES (1, ?) ON CONFLICT(id) DO NOTHING')
  const selectServerKey = db.prepare<[], { fingerprint: string }>('SELECT fingerprint FROM server_key WHERE id = 1')
  const touchHealth = db.prepare('INSERT INTO health (id, checked_at) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET checked_at = excluded.checked_at')

  const createBoard = db.transaction((board: BoardRecord, snapshot: Uint8Array) => {
    insertBoard.run(board.id, board.title, board.template, board.createdAt, board.secretGeneration)
    insertSnapshot.run(board.id, 0, ...encodeSnapshot(snapshot))
  })
  /**
   * Each appended board's log number and last seq, so an append reads nothing before it writes.
   * Valid while no other connection (another process, another handle) has written since this one
   * last did: PRAGMA data_version says so (a checkpoint by the worker may change it too; then the
   * tails are read again).
   */
  const tails = new Map<string, { logId: number; seq: number }>()
  let tailsVersion = -1
  // Run IMMEDIATE (the write lock before the read), so two processes appending to one board number
  // their updates one after the other. The tail moves on only once the transaction has committed.
  const appendUpdates = db.transaction((boardId: string, updates: readonly Uint8Array[]) => {
    const version = dataVersion.get()!
    if (version !== tailsVersion) {
      tails.clear()
      tailsVersion = version
    }
    let tail = tails.get(boardId)
    if (!tail) {
      const row = selectTail.get(boardId)
      if (!row) throw new Error(`no board ${boardId}`)
      tail = { logId: row.log_id, seq: row.last_seq }
      tails.set(boardId, tail)
    }
    if (tail.seq + updates.length > MAX_SEQ) throw new Error(`board ${boardId}: its update log is full (${MAX_SEQ} updates)`)
    let seq = tail.seq
    for (const update of updates) insertUpdate.run(tail.logId, ++seq, toBuffer(update))
    return { tail, seq }
  })
  const selectClientId = db.prepare<[string, number], { person_id: string }>('SELECT person_id FROM client_ids WHERE board_id = ? AND client_id = ?')
  // Run IMMEDIATE (the write lock first), so of two processes claiming one id the second reads the first's owner.
  const claimClientIds = db.transaction((boardId: string, personId: string, clientIds: readonly number[]) => {
    const owners = new Map<number, string>()
    for (const clientId of clientIds) {
      insertClientId.run(boardId, clientId, personId)
      owners.set(clientId, selectClientId.get(boardId, clientId)!.person_id)
    }
    return owners
  })
  // One transaction: a crash before COMMIT leaves the old snapshot and every update in place.
  const compact = db.transaction((boardId: string, snapshot: Uint8Array, throughSeq: number): boolean => {
    const current = selectSnapshot.get(boardId)
    if (current && current.seq >= throughSeq) return false
    const tail = selectTail.get(boardId)
    if (!tail) throw new Error(`no board ${boardId}`)
    deleteUpdates.run({ logId: tail.log_id, throughSeq })
    deleteSnapshot.run(boardId)
    insertSnapshot.run(boardId, throughSeq, ...encodeSnapshot(snapshot))
    return true
  })
  const loadDocument = db.transaction((boardId: string, afterSeq: number | undefined): StoredDocument => {
    const snapshot = selectSnapshot.get(boardId)
    const tail = selectTail.get(boardId)
    if (!tail) return { snapshot: null, updates: [], seq: 0 }
    const withSnapshot = snapshot !== undefined && (afterSeq === undefined || snapshot.seq > afterSeq)
    return {
      snapshot: withSnapshot ? storedSnapshot(snapshot) : null,
      updates: selectUpdates.all({ logId: tail.log_id, afterSeq: afterSeq ?? 0 }).map((row) => toBytes(row.data)),
      seq: tail.last_seq,
    }
  })

  return {
    async createBoard(board, initialSnapshot) {
      createBoard(board, initialSnapshot)
      afterWrite()
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
    async loadDocument(boardId, afterSeq) {
      return loadDocument(boardId, afterSeq)
    },
    async appendUpdates(boardId, updates) {
      const { tail, seq } = appendUpdates.immediate(boardId, updates)
      tail.seq = seq
      afterWriteSoon()
      return seq
    },
    async compact(boardId, snapshot, throughSeq) {
      const compacted = compact(boardId, snapshot, throughSeq)
      // The log's pages are free now and the WAL holds a whole new snapshot: both are given back
      // at once, so a burst of edits never grows the files far past the board's size.
      if (compacted) {
        db.pragma('incremental_vacuum')
        emptyWalNow()
      }
      afterWrite()
      return compacted
    },
    async loadClientOwners(boardId, clientIds) {
      if (!clientIds) return new Map(selectClientIds.all(boardId).map((row) => [row.client_id, row.person_id]))
      const owners = new Map<number, string>()
      for (const clientId of clientIds) {
        const row = selectClientId.get(boardId, clientId)
        if (row) owners.set(clientId, row.person_id)
      }
      return owners
    },
    async claimClientIds(boardId, personId, clientIds) {
      if (clientIds.length === 0) return new Map()
      const owners = claimClientIds.immediate(boardId, personId, clientIds)
      afterWrite()
      return owners
    },
    exclusively: (_boardId, work) => work(),
    async putAsset(assetId, asset: StoredAsset) {
      insertAsset.run(assetId, asset.boardId, asset.contentType, toBuffer(asset.data))
      afterWrite()
    },
    async getAsset(assetId) {
      const row = selectAsset.get(assetId)
      return row ? { boardId: row.board_id, contentType: row.content_type, data: toBytes(row.data) } : undefined
    },
    async boardAssetBytes(boardId) {
      return sumAssetBytes.get(boardId)!.bytes
    },
    async openDraft(boardId, personId) {
      const name = draftDocName(boardId, personId)
      if (insertDraft.run(name, Date.now(), boardId, personId).changes > 0) afterWrite()
      return name
    },
    async listDrafts(boardId) {
      return selectDrafts.all(boardId).map((row) => row.draft_person)
    },
    async addPerson(person) {
      insertPerson.run(person.boardId, person.id, person.name, person.role, person.accessRole, person.joinedAt)
      afterWrite()
    },
    async getPerson(boardId, personId) {
      const row = selectPerson.get(boardId, personId)
      return row
        ? { boardId, id: personId, name: row.name, role: row.role, accessRole: row.access_role, joinedAt: row.joined_at }
        : undefined
    },
    async adoptServerKey(fingerprint) {
      insertServerKey.run(fingerprint)
      if (selectServerKey.get()!.fingerprint !== fingerprint) throw new Error(OTHER_SERVER_KEY)
    },
    async check() {
      touchHealth.run(Date.now())
      afterWrite()
    },
    async close() {
      if (afterAppend) clearImmediate(afterAppend)
      if (idleCheckpoint) clearTimeout(idleCheckpoint)
      await checkpointer.close()
      if (!db.open) return
      // Closing the last connection checkpoints and removes the WAL; the free pages go first.
      db.pragma('incremental_vacuum')
      db.close()
    },
  }
}
