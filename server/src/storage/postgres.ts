import { restoreResponse } from './pgWithoutResponse'
import pg from 'pg'
import type { Logger } from '../log'
import { checkNotNewer, readMigrations } from './migrations'
import type { AccessRole, PersonRole } from '../../../shared/src/roles'
import { draftDocName } from '../../../shared/src/levels/draftDoc'
import { ExclusiveBusy, OTHER_SERVER_KEY, type BoardStorage, type StoredDocument } from './storage'

restoreResponse()

// Advisory lock keys (two int4: a class and a value), so Tavolo's locks never meet another
// application's in the same database.
const LOCK_CLASS_MIGRATE = 0x7a01
const LOCK_CLASS_COMPACT = 0x7a02
const LOCK_CLASS_EXCLUSIVE = 0x7a03
// PostgreSQL's error code for a lock wait that ran past lock_timeout.
const LOCK_NOT_AVAILABLE = '55P03'

/**
 * How long `exclusively` waits for another instance's turn on a board (a reveal of its drafts,
 * which takes well under a second): a lock held longer is stuck, and the facilitator is better
 * told to try again than left waiting.
 */
export const EXCLUSIVE_WAIT_MS = 10_000

const toBytes = (buffer: Buffer): Uint8Array => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
const toBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)

async function inTransaction<T>(pool: pg.Pool, begin: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query(begin)
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
}

/**
 * Applies the migrations the database has not seen, in one transaction, recorded in
 * schema_migrations. The advisory lock makes instances starting at once take turns: the first
 * migrates, the others find it done.
 */
async function migrate(pool: pg.Pool): Promise<void> {
  const migrations = readMigrations('postgres')
  await inTransaction(pool, 'BEGIN', async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1, 0)', [LOCK_CLASS_MIGRATE])
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    )
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations')
    const applied = rows.map((row) => row.version)
    checkNotNewer(applied, migrations, 'The PostgreSQL database')
    for (const migration of migrations) {
      if (applied.includes(migration.version)) continue
      await client.query(migration.sql)
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name])
    }
  })
}

/**
 * PostgreSQL through node-postgres: several Tavolo instances may share one database. The
 * schema is created and migrated at start.
 */
export async function openPostgresStorage(connectionString: string, logger: Logger): Promise<BoardStorage> {
  const pool = new pg.Pool({ connectionString, max: 10 })
  // An idle connection dropped by the server is replaced on next use; without a listener it
  // would take the process down.
  pool.on('error', (error) => logger.warn(`PostgreSQL connection lost: ${error.message}`))
  try {
    await migrate(pool)
  } catch (error) {
    await pool.end()
    throw error
  }

  const loadClientOwners = async (boardId: string, clientIds?: readonly number[]): Promise<Map<number, string>> => {
    const { rows } = await pool.query<{ client_id: string; person_id: string }>(
      clientIds
        ? 'SELECT client_id, person_id FROM client_ids WHERE board_id = $1 AND client_id = ANY($2::bigint[])'
        : 'SELECT client_id, person_id FROM client_ids WHERE board_id = $1',
      clientIds ? [boardId, clientIds] : [boardId],
    )
    return new Map(rows.map((row) => [Number(row.client_id), row.person_id]))
  }
  return {
    async createBoard(board, initialSnapshot) {
      await inTransaction(pool, 'BEGIN', async (client) => {
        await client.query(
          'INSERT INTO boards (id, title, template, created_at, secret_generation) VALUES ($1, $2, $3, $4, $5)',
          [board.id, board.title, board.template, board.createdAt, board.secretGeneration],
        )
        await client.query('INSERT INTO snapshots (board_id, seq, data) VALUES ($1, 0, $2)', [board.id, toBuffer(initialSnapshot)])
      })
    },
    async getBoard(id) {
      const { rows } = await pool.query<{ id: string; title: string; template: string; created_at: string; secret_generation: number }>(
        'SELECT id, title, template, created_at, secret_generation FROM boards WHERE id = $1 AND draft_of IS NULL',
        [id],
      )
      const row = rows[0]
      if (!row) return undefined
      return { id: row.id, title: row.title, template: row.template, createdAt: Number(row.created_at), secretGeneration: row.secret_generation }
    },
    async rotateSecrets(id) {
      const { rows } = await pool.query<{ secret_generation: number }>(
        'UPDATE boards SET secret_generation = secret_generation + 1 WHERE id = $1 AND draft_of IS NULL RETURNING secret_generation',
        [id],
      )
      if (!rows[0]) throw new Error(`no board ${id}`)
      return rows[0].secret_generation
    },
    async loadDocument(boardId, afterSeq) {
      // REPEATABLE READ: snapshot, log and last_seq from one moment, even if another instance
      // compacts in between.
      return inTransaction(pool, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', async (client): Promise<StoredDocument> => {
        const board = await client.query<{ last_seq: string }>('SELECT last_seq FROM boards WHERE id = $1', [boardId])
        const snapshot = await client.query<{ seq: string; data: Buffer }>('SELECT seq, data FROM snapshots WHERE board_id = $1', [boardId])
        const updates = await client.query<{ data: Buffer }>(
          'SELECT data FROM updates WHERE board_id = $1 AND seq > $2 ORDER BY seq',
          [boardId, afterSeq ?? 0],
        )
        const stored = snapshot.rows[0]
        const withSnapshot = stored !== undefined && (afterSeq === undefined || Number(stored.seq) > afterSeq)
        return {
          snapshot: withSnapshot ? toBytes(stored.data) : null,
          updates: updates.rows.map((row) => toBytes(row.data)),
          seq: Number(board.rows[0]?.last_seq ?? 0),
        }
      })
    },
    async appendUpdates(boardId, updates) {
      // One statement, so one round trip and atomic: the board row's lock orders concurrent
      // appenders, and a missing board inserts nothing. Named, so each connection parses it once
      // instead of before every update it relays.
      const { rows } = await pool.query<{ last_seq: string }>({
        name: 'append-updates',
        text: `WITH board AS (UPDATE boards SET last_seq = last_seq + $2 WHERE id = $1 RETURNING last_seq),
                    stored AS (INSERT INTO updates (board_id, seq, data)
                               SELECT $1, board.last_seq - $2 + batch.n, batch.data
                               FROM board, unnest($3::bytea[]) WITH ORDINALITY AS batch(data, n))
               SELECT last_seq FROM board`,
        values: [boardId, updates.length, updates.map(toBuffer)],
      })
      if (!rows[0]) throw new Error(`no board ${boardId}`)
      return Number(rows[0].last_seq)
    },
    async compact(boardId, snapshot, throughSeq) {
      return inTransaction(pool, 'BEGIN', async (client) => {
        // Another instance compacting this board: its snapshot will do.
        const lock = await client.query<{ locked: boolean }>(
          'SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked',
          [LOCK_CLASS_COMPACT, boardId],
        )
        if (!lock.rows[0].locked) return false
        const current = await client.query<{ seq: string }>('SELECT seq FROM snapshots WHERE board_id = $1 FOR UPDATE', [boardId])
        if (current.rows[0] && Number(current.rows[0].seq) >= throughSeq) return false
        await client.query(
          `INSERT INTO snapshots (board_id, seq, data) VALUES ($1, $2, $3)
           ON CONFLICT (board_id) DO UPDATE SET seq = excluded.seq, data = excluded.data`,
          [boardId, throughSeq, toBuffer(snapshot)],
        )
        await client.query('DELETE FROM updates WHERE board_id = $1 AND seq <= $2', [boardId, throughSeq])
        return true
      })
    },
    loadClientOwners,
    async claimClientIds(boardId, personId, clientIds) {
      if (clientIds.length === 0) return new Map()
      // An insert that meets another instance's uncommitted claim waits for it, then does nothing.
      // The owners are read by a second statement: one statement's snapshot, taken before that
      // wait, would not see the winner.
      await pool.query(
        'INSERT INTO client_ids (board_id, client_id, person_id) SELECT $1, unnest($2::bigint[]), $3 ON CONFLICT DO NOTHING',
        [boardId, clientIds, personId],
      )
      return loadClientOwners(boardId, clientIds)
    },
    async exclusively(boardId, work) {
      // A connection of its own: `work` queries through the pool, which locks held on pool
      // connections could use up. Closing it releases the lock, whatever happened.
      const client = new pg.Client({ connectionString })
      // The lock lives as long as this connection: once it is gone, another instance may run its own `work` alongside.
      let lost = null as Error | null
      client.on('error', (error) => {
        if (lost) return
        lost = error
        logger.error(`board ${boardId}: the PostgreSQL connection holding its lock (the drafts' reveal) was lost: ${error.message}`)
      })
      try {
        await client.connect()
        // lock_timeout bounds the wait for an advisory lock too.
        await client.query(`SET lock_timeout = ${EXCLUSIVE_WAIT_MS}`)
        await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [LOCK_CLASS_EXCLUSIVE, boardId]).catch((error: Error & { code?: string }) => {
          throw error.code === LOCK_NOT_AVAILABLE ? new ExclusiveBusy() : error
        })
        const result = await work()
        if (lost) throw new Error(`board ${boardId}: the lock was lost before the work under it finished (${lost.message})`)
        return result
      } finally {
        await client.end().catch(() => undefined)
      }
    },
    async putAsset(assetId, asset) {
      await pool.query('INSERT INTO assets (id, board_id, content_type, data) VALUES ($1, $2, $3, $4)', [
        assetId,
        asset.boardId,
        asset.contentType,
        toBuffer(asset.data),
      ])
    },
    async getAsset(assetId) {
      const { rows } = await pool.query<{ board_id: string; content_type: string; data: Buffer }>(
        'SELECT board_id, content_type, data FROM assets WHERE id = $1',
        [assetId],
      )
      const row = rows[0]
      return row ? { boardId: row.board_id, contentType: row.content_type, data: toBytes(row.data) } : undefined
    },
    async boardAssetBytes(boardId) {
      const { rows } = await pool.query<{ bytes: string }>('SELECT COALESCE(SUM(octet_length(data)), 0) AS bytes FROM assets WHERE board_id = $1', [
        boardId,
      ])
      return Number(rows[0].bytes)
    },
    async openDraft(boardId, personId) {
      const name = draftDocName(boardId, personId)
      await pool.query(
        `INSERT INTO boards (id, title, template, created_at, draft_of, draft_person) VALUES ($1, '', '', $2, $3, $4) ON CONFLICT DO NOTHING`,
        [name, Date.now(), boardId, personId],
      )
      return name
    },
    async listDrafts(boardId) {
      const { rows } = await pool.query<{ draft_person: string }>('SELECT draft_person FROM boards WHERE draft_of = $1', [boardId])
      return rows.map((row) => row.draft_person)
    },
    async addPerson(person) {
      await pool.query('INSERT INTO people (board_id, id, name, role, access_role, joined_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        person.boardId,
        person.id,
        person.name,
        person.role,
        person.accessRole,
        person.joinedAt,
      ])
    },
    async getPerson(boardId, personId) {
      const { rows } = await pool.query<{ name: string; role: PersonRole; access_role: AccessRole; joined_at: string }>(
        'SELECT name, role, access_role, joined_at FROM people WHERE board_id = $1 AND id = $2',
        [boardId, personId],
      )
      const row = rows[0]
      return row
        ? { boardId, id: personId, name: row.name, role: row.role, accessRole: row.access_role, joinedAt: Number(row.joined_at) }
        : undefined
    },
    async adoptServerKey(fingerprint) {
      await pool.query('INSERT INTO server_key (id, fingerprint) VALUES (1, $1) ON CONFLICT (id) DO NOTHING', [fingerprint])
      const { rows } = await pool.query<{ fingerprint: string }>('SELECT fingerprint FROM server_key WHERE id = 1')
      if (rows[0].fingerprint !== fingerprint) throw new Error(OTHER_SERVER_KEY)
    },
    async check() {
      await pool.query(
        'INSERT INTO health (id, checked_at) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at',
        [Date.now()],
      )
    },
    async close() {
      if (!pool.ended) await pool.end()
    },
  }
}
