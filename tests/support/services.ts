import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { Redis } from 'ioredis'
import { describe } from 'vitest'

// The PostgreSQL and Redis the suites that need them use: DATABASE_URL / REDIS_URL, or the
// machine's own (what .ci/run starts). When one does not answer, those suites are skipped and
// say why, in their name and on the console.

export const POSTGRES_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres'
export const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379'

/** Why PostgreSQL cannot be used, or null when it answers. */
export async function postgresUnavailable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.query('SELECT 1')
    return null
  } catch (error) {
    return `PostgreSQL at ${new URL(POSTGRES_URL).host} does not answer (${(error as Error).message || (error as Error).name})`
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** Why Redis cannot be used, or null when it answers. */
export async function redisUnavailable(url = REDIS_URL): Promise<string | null> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null })
  client.on('error', () => undefined)
  try {
    await client.connect()
    await client.ping()
    return null
  } catch (error) {
    return `Redis at ${new URL(url).host} does not answer (${(error as Error).message})`
  } finally {
    client.disconnect()
  }
}

/** `describe`, skipped with its reason shown (in the suite's name and on the console) when `unavailable`. */
export function describeWhenAvailable(name: string, unavailable: string | null, body: () => void): void {
  if (unavailable) console.warn(`SKIPPED "${name}": ${unavailable}`)
  describe.skipIf(unavailable !== null)(unavailable ? `${name} (skipped: ${unavailable})` : name, body)
}

export interface TestDatabase {
  url: string
  drop(): Promise<void>
}

/** A new, empty database on the test PostgreSQL server, for one test. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `tavolo_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: POSTGRES_URL })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(POSTGRES_URL)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_URL })
      await client.connect()
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      } finally {
        await client.end()
      }
    },
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export interface RedisServer {
  url: string
  /** SIGKILL: gone at once, like a crash. */
  kill(): Promise<void>
  /** Starts again on the same port. */
  start(): Promise<void>
  stop(): Promise<void>
}

/** A redis-server of the test's own on a free port (never the machine's shared one), no persistence. */
export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tavolo-redis-'))
  const url = `redis://127.0.0.1:${port}`
  let child: ChildProcess | null = null
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
      stdio: 'ignore',
    })
    const deadline = Date.now() + 10_000
    while ((await redisUnavailable(url)) !== null) {
      if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not start`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  const kill = async () => {
    const running = child
    child = null
    if (!running || running.exitCode !== null) return
    const exited = new Promise((resolve) => running.once('exit', resolve))
    running.kill('SIGKILL')
    await exited
  }
  await start()
  return {
    url,
    kill,
    start,
    async stop() {
      await kill()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
