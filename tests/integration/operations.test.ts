import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { serverBuildIsStale, SERVER_BUNDLE } from '../../server/scripts/serverBuild.mjs'
import { encodeUpdate } from '../../server/src/relay/protocol'
import { openSqliteStorage } from '../../server/src/storage/sqlite'
import { SESSION_ROOT } from '../../shared/src/doc/roots'
import { CLOSE_FORBIDDEN_WRITE } from '../../shared/src/wire/closeCodes'
import { openRawSocket, waitForClose } from '../support/rawsocket'
import { createBoardViaApi, makeTempDataDir, startInProcessServer, startServerProcess, type InProcessServer, type ServerProcess } from '../support/server'
import { ideaTexts, writeIdea } from '../support/ideaCards'
import { trackedClients } from '../support/trackedClients'
import { waitFor, waitForSync } from '../support/yclient'

let proc: ServerProcess | null = null
let inProcess: InProcessServer | null = null

afterEach(async () => {
  await proc?.stop()
  await inProcess?.stop()
  proc = null
  inProcess = null
})

const { client, person, destroyClients } = trackedClients(() => (proc ?? inProcess)!.wsUrl)

async function getText(url: string): Promise<{ status: number; text: string }> {
  const res = await fetch(url)
  return { status: res.status, text: await res.text() }
}

/** The value of one sample line of the Prometheus text format, e.g. `tavolo_connections`. */
/** tavolo_refused_writes_total for one rule (0 before that rule has refused anything). */
function refusedBy(metrics: string, rule: string): number {
  const line = metrics.split('\n').find((l) => l.startsWith(`tavolo_refused_writes_total{rule="${rule}"} `))
  return line ? Number(line.split(' ')[1]) : 0
}

function sample(metrics: string, name: string): number {
  const line = metrics.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`))
  if (!line) throw new Error(`no ${name} in /metrics:\n${metrics}`)
  return Number(line.slice(line.lastIndexOf(' ') + 1))
}

describe('operating the server', () => {
  it('runs the compiled bundle and writes JSON log lines', async () => {
    proc = await startServerProcess()
    expect(fs.existsSync(SERVER_BUNDLE)).toBe(true)
    expect(serverBuildIsStale()).toBe(false)
    const lines = proc.output().trim().split('\n').filter((line) => line.startsWith('{'))
    const ready = lines.map((line) => JSON.parse(line) as { level: number; time: number; msg: string }).find((l) => l.msg.startsWith('Tavolo is ready'))
    expect(ready).toMatchObject({ level: 30 })
    expect(typeof ready!.time).toBe('number')
    expect((await getText(`${proc.url}/healthz`)).status).toBe(200)
    // The exporters are a chunk of the bundle loaded on the first export.
    const board = await createBoardViaApi(proc.url)
    const exported = await fetch(`${proc.url}/api/boards/${board.id}/export.md`, { headers: { Authorization: `Bearer ${board.secrets.facilitator}` } })
    expect(exported.status).toBe(200)
    expect(await exported.text()).toContain(board.title)
  })

  it('says it is ready only while storage and every configured dependency answer', async () => {
    const dataDir = makeTempDataDir()
    const storage = openSqliteStorage(dataDir)
    let redisUp = true
    inProcess = await startInProcessServer({
      dataDir,
      storage,
      readinessChecks: [{ name: 'redis', check: async () => { if (!redisUp) throw new Error('connection refused') } }],
    })
    expect(await getText(`${inProcess.url}/readyz`)).toEqual({ status: 200, text: JSON.stringify({ ready: true, failed: [] }) })
    redisUp = false
    expect(JSON.parse((await getText(`${inProcess.url}/readyz`)).text)).toEqual({ ready: false, failed: ['redis'] })
    redisUp = true
    await storage.close()
    const down = await getText(`${inProcess.url}/readyz`)
    expect(down.status).toBe(503)
    expect(JSON.parse(down.text)).toEqual({ ready: false, failed: ['storage'] })
    // Alive all the same: a load balancer takes it out of rotation, an orchestrator does not kill it.
    expect((await getText(`${inProcess.url}/healthz`)).status).toBe(200)
    expect(inProcess.logs.some((line) => line.includes('readiness: storage failed'))).toBe(true)
    inProcess = null // its storage is closed: nothing left to store
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('serves Prometheus metrics for connections, boards, updates, storage and refused writes', async () => {
    inProcess = await startInProcessServer()
    const board = await createBoardViaApi(inProcess.url)
    const before = sample((await getText(`${inProcess.url}/metrics`)).text, 'tavolo_updates_total')
    const a = await person(board.id, board.secrets.facilitator)
    const b = client(board.id, board.secrets.editor)
    await Promise.all([waitForSync(a), waitForSync(b)])
    for (let i = 0; i < 5; i++) writeIdea(a.doc, a.personId, `k${i}`, String(i))
    await waitFor(() => Object.keys(ideaTexts(b.doc)).length === 5, 'the edits to arrive')
    const { status, text } = await getText(`${inProcess.url}/metrics`)
    expect(status).toBe(200)
    expect(sample(text, 'tavolo_connections')).toBe(2)
    expect(sample(text, 'tavolo_boards_open')).toBe(1)
    expect(sample(text, 'tavolo_updates_total') - before).toBeGreaterThanOrEqual(5)
    expect(text).toMatch(/tavolo_storage_seconds_count\{operation="appendUpdates"\} [1-9]/)
    expect(text).toMatch(/tavolo_storage_seconds_bucket\{le="0.005",operation="loadDocument"\} \d/)
    expect(text).toContain('# TYPE tavolo_redis_lag_seconds gauge')
    // A viewer's write is refused by the write-access rule, and counted under its name.
    const refusedBefore = refusedBy(text, 'write-access')
    const viewer = await openRawSocket(inProcess.wsUrl, board.id, board.secrets.viewer)
    const closed = waitForClose(viewer)
    const forged = new Y.Doc()
    forged.getMap(SESSION_ROOT).set('phase', 4)
    viewer.send(encodeUpdate(Y.encodeStateAsUpdate(forged)))
    expect((await closed).code).toBe(CLOSE_FORBIDDEN_WRITE)
    expect(refusedBy((await getText(`${inProcess.url}/metrics`)).text, 'write-access') - refusedBefore).toBe(1)
    expect(text).toContain('tavolo_process_resident_memory_bytes')
    destroyClients()
    await waitFor(() => inProcess!.server.stats().loadedRooms === 0, 'the board to unload')
    expect(sample((await getText(`${inProcess.url}/metrics`)).text, 'tavolo_boards_open')).toBe(0)
  })

  it('on SIGTERM stores everything and closes every socket with 1012, losing nothing', async () => {
    proc = await startServerProcess({ env: { COMPACT_AFTER_UPDATES: '50' } })
    const board = await createBoardViaApi(proc.url)
    const writer = await person(board.id, board.secrets.editor)
    const reader = client(board.id, board.secrets.facilitator)
    await Promise.all([waitForSync(writer), waitForSync(reader)])
    const codes: number[] = []
    for (const c of [writer, reader]) c.provider.on('connection-close', (event: CloseEvent | null) => event && codes.push(event.code))
    let i = 0
    const writing = setInterval(() => writeIdea(writer.doc, writer.personId, `w${++i}`, String(i)), 2)
    await waitFor(() => Object.keys(ideaTexts(reader.doc)).length > 100, 'edits to flow')
    await proc.restart()
    clearInterval(writing)
    // Later attempts, while the server is down, fail with 1006.
    expect(codes.slice(0, 2)).toEqual([1012, 1012])
    expect(proc.output()).toContain('every board is stored: stopped')
    // Everything the reader received was stored before the server stopped…
    reader.provider.disconnect()
    const received = Object.keys(ideaTexts(reader.doc))
    const check = client(board.id, board.secrets.viewer)
    await waitForSync(check)
    expect(received.filter((key) => !(key in ideaTexts(check.doc)))).toEqual([])
    // …and the writer, reconnected, has every edit it made on the server.
    await waitFor(() => writer.provider.synced && Object.keys(ideaTexts(check.doc)).length === i, 'the writer to resend what was not stored')
  })

  it('handles SIGTERM from the moment it says it is ready', async () => {
    // A supervisor (or npm start's test below) may send it as soon as it reads the line.
    proc = await startServerProcess({ nodeArgs: ['--import', path.resolve('tests/support/signalHandlersAtReady.mjs')] })
    await waitFor(() => proc!.output().includes('SIGTERM handlers at the ready line'), 'the preload to report')
    expect(proc.output()).toContain('SIGTERM handlers at the ready line: 1')
  })

  it('`npm start` hands SIGTERM on to the server, which stores everything and stops', async () => {
    const dataDir = makeTempDataDir()
    // Its own process group, so that a failing test can still end the server npm started.
    const npm = spawn('npm', ['start'], {
      cwd: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'),
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, SKIP_CLIENT_BUILD: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    let output = ''
    npm.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    npm.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)))
    try {
      await waitFor(() => /Tavolo is ready on port \d+/.test(output), 'npm start to be ready', 60_000)
      npm.kill('SIGTERM')
      expect(await exited).toBe(0)
      expect(output).toContain('SIGTERM: storing the boards and shutting down')
      expect(output).toContain('every board is stored: stopped')
    } finally {
      try {
        process.kill(-npm.pid!, 'SIGKILL')
      } catch {
        // the group has already exited
      }
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
