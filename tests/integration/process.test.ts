import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import * as Y from 'yjs'
import { SERVER_BUNDLE_META, ensureServerBuilt } from '../../server/scripts/serverBuild.mjs'
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { decodeMessage, encodeAwareness, encodeSyncStep1, encodeUpdate } from '../../server/src/relay/protocol'
import { META_ROOT } from '../../shared/src/doc/roots'
import { CLOSE_FORBIDDEN_WRITE, CLOSE_INTERNAL_ERROR } from '../../shared/src/wire/closeCodes'
import { openRawSocket, upgradeStatus, waitForClose } from '../support/rawsocket'
import { createBoardViaApi, joinBoardViaApi, makeTempDataDir, startServerProcess, type ServerProcess } from '../support/server'
import { ideaTexts, writeIdea } from '../support/ideaCards'
import { trackedClients } from '../support/trackedClients'
import { waitFor, waitForSync, type TestClient } from '../support/yclient'

let proc: ServerProcess | null = null

afterEach(async () => {
  await proc?.stop()
  proc = null
})

const { client, person, destroyClients } = trackedClients(() => proc!.wsUrl)

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A presence update of a new client, as a stock provider sends it. */
function presenceMessage(): Uint8Array {
  const awareness = new Awareness(new Y.Doc())
  awareness.setLocalState({ cursor: null })
  return encodeAwareness(encodeAwarenessUpdate(awareness, [awareness.clientID]))
}

/** A viewer sends `first`, then asks for the board: 'answered' with its state, or how the server closed the socket. */
async function askForTheBoard(server: ServerProcess, board: { id: string; secrets: { viewer: string } }, first: Uint8Array[]) {
  const raw = await openRawSocket(server.wsUrl, board.id, board.secrets.viewer)
  const closed = waitForClose(raw)
  // The answer to our step 1, not the server's greeting (its own step 1, which can come with the upgrade, before a listener).
  const answered = new Promise<string>((resolve) =>
    raw.on('message', (data: Buffer) => decodeMessage(new Uint8Array(data)).kind === 'sync-step-2' && resolve('answered')),
  )
  for (const message of first) raw.send(message)
  raw.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())))
  return Promise.race([closed, answered]).finally(() => raw.close())
}

describe('the real server process', () => {
  it('kill -9 mid-edit loses nothing any peer had received', async () => {
    // A low threshold makes compactions happen all along, so some kills land in or near one.
    proc = await startServerProcess({ env: { COMPACT_AFTER_UPDATES: '5' } })
    const board = await createBoardViaApi(proc.url)
    for (const [round, killAfterMs] of [250, 600, 900].entries()) {
      const a = await person(board.id, board.secrets.editor)
      const b = await person(board.id, board.secrets.facilitator)
      await Promise.all([waitForSync(a), waitForSync(b)])
      let i = 0
      const writing = setInterval(() => {
        i++
        writeIdea(a.doc, a.personId, `a-${round}-${i}`, String(i))
        writeIdea(b.doc, b.personId, `b-${round}-${i}`, String(i))
      }, 2)
      const keys = (c: TestClient, from: string) => Object.keys(ideaTexts(c.doc)).filter((k) => k.startsWith(from))
      // The kill must land mid-stream: counted from the first relayed edit, not from a start a loaded machine may delay.
      await waitFor(() => keys(a, 'b-').length > 0, "B's first edit relayed to A")
      await sleep(killAfterMs)
      await proc.kill()
      clearInterval(writing)
      // Disconnect before the restart, so nothing is resent: the server must already have it all.
      a.provider.disconnect()
      b.provider.disconnect()
      const receivedByA = keys(a, 'b-')
      const receivedByB = keys(b, 'a-')
      expect(receivedByA.length).toBeGreaterThan(0)

      await proc.restart()
      const check = client(board.id, board.secrets.viewer)
      await waitForSync(check)
      const stored = ideaTexts(check.doc)
      expect(receivedByA.filter((k) => !(k in stored)), 'relayed to A but lost').toEqual([])
      expect(receivedByB.filter((k) => !(k in stored)), 'relayed to B but lost').toEqual([])
      destroyClients()
    }
  })

  it('never writes a secret to its logs, while logging refusals and bad input', async () => {
    proc = await startServerProcess()
    const board = await createBoardViaApi(proc.url)
    const a = client(board.id, board.secrets.facilitator)
    const b = client(board.id, board.secrets.viewer)
    await Promise.all([waitForSync(a), waitForSync(b)])
    const wrongSecret = 'not-the-secret-0123456789abcdef'
    expect((await upgradeStatus(`${proc.wsUrl}/${board.id}?k=${wrongSecret}`)).status).toBe(401)
    await fetch(`${proc.url}/api/boards/${board.id}/links`, { headers: { Authorization: `Bearer ${board.secrets.editor}` } })
    const raw = await openRawSocket(proc.wsUrl, board.id, board.secrets.editor)
    const closed = waitForClose(raw)
    raw.send(Buffer.from([42]))
    expect((await closed).code).toBe(1003)
    await waitFor(() => proc!.output().includes('with 1003'), 'the bad input to be logged')
    await proc.restart()

    const output = proc.output()
    expect(output).toContain(`websocket /ws/${board.id} refused: 401`)
    expect(output).toContain('facilitator connected')
    for (const secret of [...Object.values(board.secrets), wrongSecret]) expect(output).not.toContain(secret)
  })
})

describe('a freshly started process', () => {
  // The code that judges messages (the board schema, the shared write rules) loads with the first
  // message a connection sends, not at start (server/src/relay/rules/index.ts). These run the
  // real bundle in a new process, where nothing has loaded it yet.

  /** A server process with a board and an editor's person token, restarted: only what a start loads has loaded. */
  async function restartedWithBoard(opts: Parameters<typeof startServerProcess>[0] = {}) {
    proc = await startServerProcess(opts)
    const board = await createBoardViaApi(proc.url)
    const { token } = await joinBoardViaApi(proc.url, board.id, board.secrets.editor, { name: 'Mal', role: 'citizen' })
    return { board, token }
  }

  const nextMessage = (ws: WebSocket) => new Promise<void>((resolve) => ws.once('message', () => resolve()))

  it('judges the first write after a start like every later one', async () => {
    const { board, token } = await restartedWithBoard()
    await proc!.restart()
    // A socket that sends nothing (so loads no rules) sees what the server relays.
    const watcher = await openRawSocket(proc!.wsUrl, board.id, board.secrets.viewer)
    await nextMessage(watcher)
    const relayed = nextMessage(watcher).then(() => 'relayed to the watcher')
    // The process's first message is a write only the facilitator may make: it arrives before
    // the rules that judge it have loaded, and must wait for them.
    const raw = await openRawSocket(proc!.wsUrl, board.id, board.secrets.editor, token)
    const closed = waitForClose(raw)
    const forged = new Y.Doc()
    forged.getMap(META_ROOT).set('format', 999)
    raw.send(encodeUpdate(Y.encodeStateAsUpdate(forged)))
    expect(await Promise.race([closed, relayed])).toEqual({ code: CLOSE_FORBIDDEN_WRITE, reason: expect.stringMatching(/only the facilitator/) })
    watcher.close()
    const reader = client(board.id, board.secrets.viewer)
    await waitForSync(reader)
    expect(reader.doc.getMap(META_ROOT).get('format')).not.toBe(999)
  })

  it('starts without loading the board schema, the catalogues, the rules or prom-client, loads prom-client (without the metric kinds it does not serve) with the first scrape, and the rules (without i18next) with the first message', async () => {
    const moduleLog = path.join(makeTempDataDir(), 'modules.log')
    const { board } = await restartedWithBoard({ nodeArgs: ['--import', './tests/support/moduleLog.mjs'], env: { TAVOLO_MODULE_LOG: moduleLog } })
    fs.writeFileSync(moduleLog, '')
    await proc!.restart()
    /** The heavy modules (by package or folder) inside the bundle files this process has loaded so far. */
    const heavyLoaded = () => {
      const { outputs } = JSON.parse(fs.readFileSync(SERVER_BUNDLE_META, 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> }
      const loaded = fs.readFileSync(moduleLog, 'utf8').split('\n').filter((url) => url.includes('/server/dist/'))
      const inputs = loaded.flatMap((url) => Object.keys(outputs[`server/dist/${path.basename(new URL(url).pathname)}`]?.inputs ?? {}))
      const heavy = /@tldraw\/[^/]+|i18next|shared\/src\/i18n|server\/src\/relay\/rules\/judging|prom-client\/lib\/(?:summary|pushgateway|cluster)|tdigest|prom-client/
      return [...new Set(inputs.map((input) => heavy.exec(input)?.[0]).filter(Boolean))].sort()
    }
    expect(fs.readFileSync(moduleLog, 'utf8')).toContain('/server/dist/main.js')
    // better-sqlite3 (CommonJS) is required as SQLite opens, not translated by the ES module loader.
    expect(fs.readFileSync(moduleLog, 'utf8')).not.toContain('/node_modules/better-sqlite3/')
    // Started, and asked for its health: nothing heavy yet.
    await fetch(`${proc!.url}/healthz`)
    expect(heavyLoaded()).toEqual([])

    // A socket that sends nothing (a health probe) has its board loaded (its storage timed), and no rules.
    const raw = await openRawSocket(proc!.wsUrl, board.id, board.secrets.viewer)
    const health = async () => (await (await fetch(`${proc!.url}/healthz`)).json()) as { loadedRooms: number }
    let loadedRooms = 0
    while (loadedRooms === 0) loadedRooms = (await health()).loadedRooms
    expect(heavyLoaded()).toEqual([])

    // The first scrape loads prom-client: the metrics it serves are there, with what was counted
    // before (the board's load), and Node's own among them.
    const metrics = await (await fetch(`${proc!.url}/metrics`)).text()
    expect(metrics).toMatch(/^tavolo_storage_seconds_count\{operation="loadDocument"\} 1$/m)
    for (const name of ['tavolo_updates_total', 'tavolo_process_cpu_seconds_total', 'tavolo_nodejs_eventloop_lag_seconds']) expect(metrics).toContain(name)
    expect(heavyLoaded()).toEqual(['prom-client'])

    // Its first message loads them; the answer to a presence and a sync step 1 comes once they have judged the presence.
    const answered = new Promise<void>((resolve) => raw.on('message', (data: Buffer) => decodeMessage(new Uint8Array(data)).kind === 'sync-step-2' && resolve()))
    raw.send(presenceMessage())
    raw.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())))
    await answered
    expect(heavyLoaded()).toEqual(expect.arrayContaining(['@tldraw/tlschema', 'server/src/relay/rules/judging']))
    // The rules read the English criteria only: i18next and the other catalogues wait for the API.
    expect(heavyLoaded()).not.toContain('i18next')
    raw.close()
    fs.rmSync(path.dirname(moduleLog), { recursive: true, force: true })
  })

  it("loads the PostgreSQL chunk without Node's fetch (undici), and leaves the global Response as it was", async () => {
    await ensureServerBuilt()
    const { outputs } = JSON.parse(fs.readFileSync(SERVER_BUNDLE_META, 'utf8')) as { outputs: Record<string, { entryPoint?: string }> }
    const chunk = Object.keys(outputs).find((file) => outputs[file].entryPoint === 'server/src/storage/postgres.ts')!
    // A process of its own, where nothing has touched Response yet: it imports the chunk (pg with it), then reports.
    const script = `await import(${JSON.stringify(pathToFileURL(path.resolve(chunk)).href)})
const undici = process.moduleLoadList.some((name) => name.includes('undici'))
console.log(JSON.stringify({ undici, response: await new Response('kept').text() }))`
    const report = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })
    expect(JSON.parse(report)).toEqual({ undici: false, response: 'kept' })
  })

  it('retries a lazy part whose load failed (the API, the judging rules, the reveal) at its next use', async () => {
    await ensureServerBuilt()
    const { outputs } = JSON.parse(fs.readFileSync(SERVER_BUNDLE_META, 'utf8')) as { outputs: Record<string, { entryPoint?: string }> }
    const chunkOf = (source: string) => path.basename(Object.keys(outputs).find((file) => outputs[file].entryPoint === source)!)
    const chunks = ['server/src/http/api.ts', 'server/src/relay/rules/judging.ts', 'server/src/boards/revealDrafts.ts'].map(chunkOf)
    // Each chunk's first import fails, as one removed with an older build or a file-system error would.
    proc = await startServerProcess({ nodeArgs: ['--import', './tests/support/failFirstResolve.mjs'], env: { TAVOLO_FAIL_FIRST_RESOLVE: chunks.join(',') } })

    expect((await fetch(`${proc.url}/api/boards`, { method: 'POST' })).status).toBe(500)
    const board = await createBoardViaApi(proc.url)

    // Presence is judged by the rules, so the answer to the step 1 after it waits for them.
    expect(await askForTheBoard(proc, board, [presenceMessage()])).toEqual({ code: CLOSE_INTERNAL_ERROR, reason: 'internal error' })
    expect(await askForTheBoard(proc, board, [presenceMessage()])).toBe('answered')

    const reveal = () =>
      fetch(`${proc!.url}/api/boards/${board.id}/drafting/reveal`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${board.secrets.facilitator}`, 'Content-Type': 'application/json' },
      })
    expect((await reveal()).status).toBe(500)
    expect((await reveal()).status).toBe(200)
  })

  it('answers a sync step 1 without waiting for the rules, which judge no read: even while they fail to load', async () => {
    await ensureServerBuilt()
    const { outputs } = JSON.parse(fs.readFileSync(SERVER_BUNDLE_META, 'utf8')) as { outputs: Record<string, { entryPoint?: string }> }
    const judging = Object.keys(outputs).find((file) => outputs[file].entryPoint === 'server/src/relay/rules/judging.ts')!
    proc = await startServerProcess({ nodeArgs: ['--import', './tests/support/failFirstResolve.mjs'], env: { TAVOLO_FAIL_FIRST_RESOLVE: path.basename(judging) } })
    const board = await createBoardViaApi(proc.url)
    expect(await askForTheBoard(proc, board, [])).toBe('answered')
  })
})

