import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createBoardViaApi, joinBoardViaApi } from '../../support/server'
import { REDIS_URL, createTestDatabase } from '../../support/services'

// The three relays the bench compares, each started as its own process from node_modules:
// Tavolo as `npm start` runs it, y-websocket 1.5.4's bin/server.js with y-leveldb, and
// Hocuspocus 2.15.3 with @hocuspocus/extension-sqlite. Nothing is downloaded.

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

export type RelayName = 'Tavolo' | 'y-websocket' | 'Hocuspocus'
const ALL_RELAYS: readonly RelayName[] = ['Tavolo', 'y-websocket', 'Hocuspocus']
// BENCH_RELAYS=Tavolo (for example) measures some of them, while working on one.
export const RELAYS = process.env.BENCH_RELAYS ? ALL_RELAYS.filter((name) => process.env.BENCH_RELAYS!.split(',').includes(name)) : ALL_RELAYS

export interface RelayProcess {
  name: RelayName
  port: number
  dataDir: string
  pid: number
  /** The websocket URL of one document, and the prefix each message carries (Hocuspocus: the document name). */
  documentUrl(doc: Document): string
  prefix(doc: Document): Uint8Array
  /** A document a writer may create: on Tavolo a board made through the API. */
  newDocument(): Promise<Document>
  stop(): Promise<void>
}

export interface Document {
  name: string
  /** Tavolo's facilitator and editor secrets (unused by the others). */
  writerKey: string
  readerKey: string
  /** Tavolo's person token for the writer: only a person writes. */
  writerToken: string
  /** The writer's person id on Tavolo, which the cards it writes must name as their creator. */
  writerPersonId: string
}

/** The document a start probe connects to: a name only (Tavolo refuses it: its probe is the health check). */
export const PROBE_DOCUMENT: Document = { name: 'probe', writerKey: '', readerKey: '', writerToken: '', writerPersonId: '' }

// A failed figure must not leave relays running.
const running = new Set<ChildProcess>()
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
    server.once('error', reject)
  })
}

function command(name: RelayName, port: number, dataDir: string): { args: string[]; env: Record<string, string> } {
  switch (name) {
    case 'Tavolo':
      // The cold-load and stored-bytes writers send their board at once, far past the per-connection
      // rates a person gets (the peers have none): raised here, the rule still runs on every message.
      return {
        args: ['server/scripts/start.mjs'],
        env: {
          PORT: String(port),
          HOST: '127.0.0.1',
          DATA_DIR: dataDir,
          SKIP_CLIENT_BUILD: '1',
          LOG_LEVEL: 'warn',
          MAX_BYTES_PER_SECOND: String(64 * 1024 * 1024),
          MAX_MESSAGES_PER_SECOND: '100000',
        },
      }
    case 'y-websocket':
      return { args: ['node_modules/y-websocket-v1/bin/server.js'], env: { PORT: String(port), HOST: '127.0.0.1', YPERSISTENCE: dataDir } }
    case 'Hocuspocus':
      return { args: ['tests/bench/relay/hocuspocusServer.mjs'], env: { PORT: String(port), DATABASE_FILE: path.join(dataDir, 'hocuspocus.sqlite') } }
  }
}

/** Resolves once a websocket on `url` is accepted; retries every few milliseconds until then. */
export async function firstAcceptedWebsocket(url: string, timeoutMs = 30_000): Promise<void> {
  const { default: WebSocket } = await import('ws')
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const opened = await new Promise<boolean>((resolve) => {
      const ws = new WebSocket(url)
      ws.once('open', () => {
        ws.terminate()
        resolve(true)
      })
      ws.once('error', () => resolve(false))
      ws.once('unexpected-response', () => resolve(false))
    })
    if (opened) return
    if (Date.now() > deadline) throw new Error(`no websocket accepted at ${url}`)
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
}

/** Starts a relay on a free port with `dataDir` (a new temporary folder unless given). */
export async function startRelay(
  name: RelayName,
  opts: { dataDir?: string; port?: number; probe?: Document; env?: Record<string, string>; cpu?: number } = {},
): Promise<RelayProcess & { startedAt: number; child: ChildProcess }> {
  const port = opts.port ?? (await freePort())
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), `bench-${name.toLowerCase()}-`))
  const { args, env } = command(name, port, dataDir)
  Object.assign(env, opts.env)
  const startedAt = performance.now()
  // BENCH_TAVOLO_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles Tavolo's process during a figure.
  const nodeArgs = name === 'Tavolo' ? (process.env.BENCH_TAVOLO_NODE_ARGS?.split(' ').filter(Boolean) ?? []) : []
  const commandLine = [process.execPath, ...nodeArgs, ...args]
  if (opts.cpu !== undefined) commandLine.unshift('taskset', '--cpu-list', String(opts.cpu))
  const child = spawn(commandLine[0], commandLine.slice(1), { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] })
  running.add(child)
  child.once('exit', () => running.delete(child))
  const base = `ws://127.0.0.1:${port}`
  const relay: RelayProcess & { startedAt: number; child: ChildProcess } = {
    name,
    port,
    dataDir,
    pid: child.pid!,
    startedAt,
    child,
    documentUrl: (doc) =>
      name === 'Tavolo' ? `${base}/ws/${doc.name}?k=${doc.readerKey}` : name === 'y-websocket' ? `${base}/${doc.name}` : base,
    prefix: (doc) => (name === 'Hocuspocus' ? varString(doc.name) : new Uint8Array(0)),
    async newDocument() {
      if (name !== 'Tavolo') return { name: `doc-${Math.random().toString(36).slice(2)}`, writerKey: '', readerKey: '', writerToken: '', writerPersonId: 'bench' }
      const url = `http://127.0.0.1:${port}`
      const board = await createBoardViaApi(url)
      const { token, personId } = await joinBoardViaApi(url, board.id, board.secrets.facilitator, { name: 'Bench', role: 'facilitator' })
      return { name: board.id, writerKey: board.secrets.facilitator, readerKey: board.secrets.editor, writerToken: token, writerPersonId: personId }
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    },
  }
  const probe = opts.probe ?? PROBE_DOCUMENT
  // A relay that exits while starting (its error is on this process's stderr) fails the figure at
  // once, instead of being waited for forever.
  const exitedEarly = new Promise<never>((_, reject) =>
    child.once('exit', (code, signal) => reject(new Error(`${name} exited (${code ?? signal}) before it accepted a connection`))),
  )
  exitedEarly.catch(() => undefined)
  // Tavolo refuses unknown boards, so its probe without a board is the HTTP health check.
  const ready = name === 'Tavolo' && !opts.probe ? waitForHttp(`http://127.0.0.1:${port}/healthz`) : firstAcceptedWebsocket(relay.documentUrl(probe))
  ready.catch(() => undefined)
  await Promise.race([ready, exitedEarly])
  return relay
}

export interface TavoloInstances {
  instances: RelayProcess[]
  /** The settings every instance ran with. */
  env: Record<string, string>
  stop(): Promise<void>
}

/**
 * Tavolo as a larger host runs it: `count` processes sharing a new PostgreSQL database (dropped by
 * stop()), the machine's Redis and one server key. Needs what the instance tests need.
 */
export async function startTavoloInstances(count: number): Promise<TavoloInstances> {
  const database = await createTestDatabase()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-tavolo-instances-'))
  const env = { DATABASE_URL: database.url, REDIS_URL }
  try {
    // The first one makes the server key and the schema; the others find them.
    const first = await startRelay('Tavolo', { dataDir, env })
    const others = await Promise.all(Array.from({ length: count - 1 }, () => startRelay('Tavolo', { dataDir, env })))
    const instances = [first, ...others]
    return {
      instances,
      env,
      async stop() {
        for (const instance of instances) await instance.stop()
        await database.drop()
        fs.rmSync(dataDir, { recursive: true, force: true })
      },
    }
  } catch (error) {
    await database.drop()
    throw error
  }
}

async function waitForHttp(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`no answer from ${url}`)
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
}

/** The writer's URL: on Tavolo with the facilitator's secret and person token. */
export function writerUrl(relay: RelayProcess, doc: Document): string {
  return relay.name === 'Tavolo' ? `${relay.documentUrl({ ...doc, readerKey: doc.writerKey })}&p=${encodeURIComponent(doc.writerToken)}` : relay.documentUrl(doc)
}

function varString(text: string): Uint8Array {
  const bytes = Buffer.from(text)
  if (bytes.length > 127) throw new Error('document names are short here')
  return new Uint8Array([bytes.length, ...bytes])
}

/** Resident memory of a process, from /proc. */
export function residentBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024
}

/**
 * Processor time (user + system, every thread) the process has used so far, in ms: what a start
 * costs, less swayed by other work on a shared machine than the wall time. /proc counts it in
 * ticks of 10 ms (USER_HZ, 100 on Linux).
 */
export function processorMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/** Bytes of every file under `dir`, except Tavolo's server key (it is not board data). */
export function directoryBytes(dir: string): number {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sum + directoryBytes(full)
    return entry.name === 'server.key' ? sum : sum + fs.statSync(full).size
  }, 0)
}

/**
 * BENCH_PIN=1: the relay under test runs on CPU 0 and this process (the bench's clients) on the
 * others, as clients on other machines would be; otherwise the kernel may wake the 200 clients onto
 * the relay's CPU in the middle of its writes. Returns the relay's CPU, or undefined when not pinned.
 */
export function pinBenchAwayFromRelay(): number | undefined {
  if (process.env.BENCH_PIN !== '1') return undefined
  const cpus = os.availableParallelism()
  if (cpus < 2) throw new Error('BENCH_PIN=1 needs at least 2 CPUs')
  execFileSync('taskset', ['--all-tasks', '--cpu-list', '--pid', `1-${cpus - 1}`, String(process.pid)], { stdio: 'ignore' })
  return 0
}
