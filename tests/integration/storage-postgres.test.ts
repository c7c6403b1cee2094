import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { afterEach, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Logger } from '../../server/src/log'
import { MIGRATIONS_DIR } from '../../server/src/paths'
import { EXCLUSIVE_WAIT_MS, openPostgresStorage } from '../../server/src/storage/postgres'
import { OTHER_SERVER_KEY, type BoardStorage } from '../../server/src/storage/storage'
import { makeTempDataDir, startInProcessServer, startServerProcess } from '../support/server'
import { createTestDatabase, describeWhenAvailable, freePort, postgresUnavailable, type TestDatabase } from '../support/services'
import { waitFor } from '../support/yclient'

// What only the PostgreSQL engine does; the storage contract itself is storage-contract.test.ts.

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined }
const board = { id: 'AAAAAAAAAAAAAAAAAAAAAA', title: 'T', template: 'blank', createdAt: 1, secretGeneration: 0 }

describeWhenAvailable('PostgreSQL storage', await postgresUnavailable(), () => {
  const databases: TestDatabase[] = []
  const opened: BoardStorage[] = []
  const sessions: pg.Client[] = []

  afterEach(async () => {
    for (const session of sessions.splice(0)) await session.end()
    for (const storage of opened.splice(0)) await storage.close()
    for (const db of databases.splice(0)) await db.drop()
  })

  async function freshDatabase(): Promise<TestDatabase> {
    const db = await createTestDatabase()
    databases.push(db)
    return db
  }

  async function open(url: string): Promise<BoardStorage> {
    const storage = await openPostgresStorage(url, quiet)
    opened.push(storage)
    return storage
  }

  async function session(url: string): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    sessions.push(client)
    return client
  }

  it('records each migration file once, however many instances start', async () => {
    const db = await freshDatabase()
    await Promise.all([open(db.url), open(db.url), open(db.url)])
    const { rows } = await (await session(db.url)).query('SELECT version, name FROM schema_migrations ORDER BY version')
    const files = fs.readdirSync(path.join(MIGRATIONS_DIR, 'postgres')).sort()
    expect(rows.map((row) => `${String(row.version).padStart(3, '0')}_${row.name}.sql`)).toEqual(files)
  })

  it('refuses a database migrated by a newer Tavolo', async () => {
    const db = await freshDatabase()
    await (await open(db.url)).close()
    await (await session(db.url)).query("INSERT INTO schema_migrations (version, name) VALUES (999, 'future')")
    await expect(openPostgresStorage(db.url, quiet)).rejects.toThrow(/schema version 999, newer than this Tavolo knows/)
  })

  it('leaves compaction to the instance already compacting a board', async () => {
    const db = await freshDatabase()
    const storage = await open(db.url)
    const doc = new Y.Doc()
    await storage.createBoard(board, Y.encodeStateAsUpdate(doc))
    doc.getMap('m').set('a', 1)
    await storage.appendUpdates(board.id, [Y.encodeStateAsUpdate(doc)])
    // Another instance in the middle of compacting this board holds its lock.
    const other = await session(db.url)
    await other.query('BEGIN')
    const { rows } = await other.query("SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked", [0x7a02, board.id])
    expect(rows[0].locked).toBe(true)
    expect(await storage.compact(board.id, Y.encodeStateAsUpdate(doc), 1)).toBe(false)
    expect((await storage.loadDocument(board.id)).updates).toHaveLength(1)
    await other.query('COMMIT')
    expect(await storage.compact(board.id, Y.encodeStateAsUpdate(doc), 1)).toBe(true)
  })

  it(`gives up waiting for a board held by another instance after ${EXCLUSIVE_WAIT_MS} ms, saying so, and runs nothing`, async () => {
    const db = await freshDatabase()
    const storage = await open(db.url)
    // Another instance in the middle of revealing this board's drafts holds its lock.
    const other = await session(db.url)
    await other.query('SELECT pg_advisory_lock($1, hashtext($2))', [0x7a03, board.id])
    let ran = false
    const started = performance.now()
    await expect(storage.exclusively(board.id, async () => (ran = true))).rejects.toThrow("another server is revealing this board's drafts: try again")
    expect(performance.now() - started).toBeGreaterThanOrEqual(EXCLUSIVE_WAIT_MS - 50)
    expect(ran).toBe(false)
    await other.query('SELECT pg_advisory_unlock($1, hashtext($2))', [0x7a03, board.id])
    expect(await storage.exclusively(board.id, async () => 'ran')).toBe('ran')
  }, EXCLUSIVE_WAIT_MS + 30_000)

  it('fails, with an error line, work whose lock went with its connection before the work finished', async () => {
    const db = await freshDatabase()
    const errors: string[] = []
    const storage = await openPostgresStorage(db.url, { ...quiet, error: (line) => errors.push(line) })
    opened.push(storage)
    const other = await session(db.url)
    const work = storage.exclusively(board.id, async () => {
      // The lock's connection dies (a restarted database, a dropped network) while the work runs.
      await other.query(
        `SELECT pg_terminate_backend(pid) FROM pg_locks
         WHERE locktype = 'advisory' AND classid = $1 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        [0x7a03],
      )
      await waitFor(() => errors.length > 0, 'the lost lock to be noticed')
      return 'done'
    })
    await expect(work).rejects.toThrow(/the lock was lost before the work under it finished/)
    expect(errors.join('\n')).toMatch(/the PostgreSQL connection holding its lock \(the drafts' reveal\) was lost/)
  })

  it('an instance started with another server key than the others refuses to start, saying so', async () => {
    const db = await freshDatabase()
    const first = await startInProcessServer({ config: { databaseUrl: db.url } })
    try {
      const otherDir = makeTempDataDir()
      await expect(startInProcessServer({ dataDir: otherDir, config: { databaseUrl: db.url } })).rejects.toThrow(OTHER_SERVER_KEY)
      fs.rmSync(otherDir, { recursive: true, force: true })
      // The same key (the same data folder, or a copy of server.key) is welcome.
      const second = await startInProcessServer({ dataDir: first.dataDir, config: { databaseUrl: db.url } })
      await second.server.close()
    } finally {
      await first.stop()
    }
  })

  it('a server whose DATABASE_URL does not answer refuses to start, without printing the password', async () => {
    const port = await freePort()
    const dataDir = makeTempDataDir()
    const failure = await startServerProcess({ dataDir, env: { DATABASE_URL: `postgres://tavolo:hunter2secret@127.0.0.1:${port}/tavolo` } }).then(
      () => new Error('the server started'),
      (error: Error) => error,
    )
    fs.rmSync(dataDir, { recursive: true, force: true })
    expect(failure.message).toMatch(/Tavolo could not start: .*ECONNREFUSED/)
    expect(failure.message).not.toContain('hunter2secret')
  })
})
