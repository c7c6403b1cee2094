import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { REPO_ROOT } from '../../server/src/paths'
import { openRawSocket, upgradeStatus } from '../support/rawsocket'
import { createBoardViaApi, makeTempDataDir, startInProcessServer, type InProcessServer } from '../support/server'
import type { CreatedBoard } from '../../shared/src/wire/api'

// Every limit here is small so that a test can reach it; the defaults are in server/src/config.ts.
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(392)])

let server: InProcessServer
let base: string
let board: CreatedBoard
let second: CreatedBoard

beforeAll(async () => {
  base = makeTempDataDir()
  const clientDir = path.join(base, 'dist')
  fs.mkdirSync(clientDir)
  fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Tavolo</title>')
  server = await startInProcessServer({
    clientDir,
    config: { boardsPerMinutePerAddress: 6, joinsPerMinutePerAddress: 3, maxConnections: 3, maxBoardAssetBytes: 2 * PNG.length, maxAssetBytes: 1024 },
  })
  board = await createBoardViaApi(server.url, { title: 'Limits' })
  second = await createBoardViaApi(server.url, { title: 'Second' })
})
afterAll(async () => {
  await server.stop()
  fs.rmSync(base, { recursive: true, force: true })
})

const post = (urlPath: string, body: string | Blob | undefined, headers: Record<string, string>) =>
  fetch(`${server.url}${urlPath}`, { method: 'POST', body, headers })

describe('POST bodies', () => {
  it('refuses every POST but an image upload unless it declares JSON (415)', async () => {
    const cases: [string, Record<string, string>][] = [
      ['/api/boards', { 'Content-Type': 'text/plain' }],
      ['/api/boards', { 'Content-Type': 'application/x-www-form-urlencoded' }],
      ['/api/boards', { 'Content-Type': 'multipart/form-data; boundary=x' }],
      ['/api/boards', {}],
      ['/api/boards/import', { 'Content-Type': 'text/plain' }],
      [`/api/boards/${board.id}/links/rotate`, { Authorization: `Bearer ${board.secrets.facilitator}` }],
    ]
    for (const [urlPath, headers] of cases) {
      const res = await post(urlPath, urlPath.endsWith('rotate') ? undefined : '{"title":"from another site"}', headers)
      expect(res.status, `${urlPath} ${JSON.stringify(headers)}`).toBe(415)
      expect(((await res.json()) as { error: string }).error).toMatch(/Content-Type must be application\/json/)
    }
    const fine = await post('/api/boards', '{}', { 'Content-Type': 'application/json; charset=utf-8' })
    expect(fine.status).toBe(201)
  })

  it('keeps image uploads on their image content types', async () => {
    const res = await post(`/api/boards/${board.id}/assets`, new Blob([new Uint8Array(PNG)]), { 'Content-Type': 'image/png', Authorization: `Bearer ${board.secrets.editor}` })
    expect(res.status).toBe(201)
  })
})

describe('per-board image bytes', () => {
  it("refuses an upload past the board's total with 413 and a message saying so; other boards go on", async () => {
    const full = await createBoardViaApi(server.url, { title: 'Full' })
    const upload = (boardId: string, secret: string) =>
      post(`/api/boards/${boardId}/assets`, new Blob([new Uint8Array(PNG)]), { 'Content-Type': 'image/png', Authorization: `Bearer ${secret}` })
    const results = await Promise.all([1, 2, 3].map(() => upload(full.id, full.secrets.editor)))
    expect(results.map((res) => res.status).sort()).toEqual([201, 201, 413])
    const refused = results.find((res) => res.status === 413)!
    expect(((await refused.json()) as { error: string }).error).toMatch(/this board's images are full/)
    const other = await createBoardViaApi(server.url, { title: 'Not full' })
    expect((await upload(other.id, other.secrets.editor)).status).toBe(201)
  })
})

describe('paths', () => {
  it('answers 400, never a 500 or a stack trace, for NUL bytes and invalid percent-encoding', async () => {
    for (const urlPath of ['/%00', '/assets/%00.js', '/b/x%00y', '/api/boards/%00', '/api/boards/%00/people', '/%zz', '/b/%E0%A4%A', '/healthz%00']) {
      const res = await fetch(`${server.url}${urlPath}`)
      expect(res.status, urlPath).toBe(400)
      const body = (await res.json()) as { error: string }
      expect(body.error, urlPath).toMatch(/^malformed path/)
    }
    expect(server.logs.filter((line) => line.startsWith('error'))).toEqual([])
  })
})

describe('security headers', () => {
  it('sends the CSP, no referrer, nosniff and no framing with the HTML and the API', async () => {
    for (const urlPath of ['/', '/b/AAAAAAAAAAAAAAAAAAAAAA/present', '/api/templates', '/api/nothing']) {
      const res = await fetch(`${server.url}${urlPath}`)
      const csp = res.headers.get('content-security-policy') ?? ''
      expect(csp, urlPath).toContain("default-src 'self'")
      expect(csp).toContain("script-src 'self'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toContain("connect-src 'self'")
      expect(csp).not.toMatch(/https?:|\*/)
      expect(res.headers.get('referrer-policy')).toBe('no-referrer')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('x-frame-options')).toBe('DENY')
    }
  })
})

describe('per-address rate limits', () => {
  it('answers 429 with Retry-After past the board creations and imports per minute', async () => {
    // Earlier tests in this file already created boards from this address: fill the rest of the minute.
    let res: Response
    do res = await post('/api/boards', '{}', { 'Content-Type': 'application/json' })
    while (res.status === 201)
    expect(res.status).toBe(429)
    const retryAfter = Number(res.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(((await res.json()) as { error: string }).error).toMatch(/too many new boards/)
    const imported = await post('/api/boards/import', '{}', { 'Content-Type': 'application/json' })
    expect(imported.status).toBe(429)
    expect(imported.headers.get('retry-after')).not.toBeNull()
  })

  it('answers 429 with Retry-After past the people joining per minute', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) {
      const res = await post(`/api/boards/${board.id}/people`, JSON.stringify({ name: `P${i}`, role: 'citizen' }), {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${board.secrets.editor}`,
      })
      statuses.push(res.status)
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    }
    expect(statuses).toEqual([201, 201, 201, 429])
  })
})

describe('connections in total', () => {
  it('refuses the upgrade with 503 past the total, over all boards, and accepts again when one leaves', async () => {
    const open: WebSocket[] = [
      await openRawSocket(server.wsUrl, board.id, board.secrets.editor),
      await openRawSocket(server.wsUrl, second.id, second.secrets.editor),
      await openRawSocket(server.wsUrl, board.id, board.secrets.viewer),
    ]
    const refused = await upgradeStatus(`${server.wsUrl}/${second.id}?k=${second.secrets.viewer}`)
    expect(refused.status).toBe(503)
    expect(JSON.parse(refused.body).error).toMatch(/already has 3 connections/)
    const closed = new Promise((resolve) => open[0].once('close', resolve))
    open[0].close()
    await closed
    await expect.poll(() => server.server.stats().connections).toBe(2)
    expect((await upgradeStatus(`${server.wsUrl}/${second.id}?k=${second.secrets.viewer}`)).status).toBe(101)
    for (const ws of open.slice(1)) ws.close()
  })
})

describe('unwritable data', () => {
  /** Starts the real server on `dataDir` (as nobody when we are root, so file modes count) and waits for it to exit. */
  async function startOn(dataDir: string): Promise<{ code: number | null; output: string }> {
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, SKIP_CLIENT_BUILD: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...asNobody,
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    return { code, output }
  }

  function expectOneClearLine(result: { code: number | null; output: string }, dataDir: string, reason: RegExp): void {
    expect(result.code).not.toBe(0)
    expect(result.output).not.toMatch(/ready/)
    const lines = result.output.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain(`Tavolo could not start: the data folder ${dataDir} or the database cannot be written`)
    expect(lines[0]).toMatch(reason)
  }

  it('refuses to start, with one clear line and a non-zero exit, when the data folder cannot be written', async () => {
    const parent = makeTempDataDir()
    const dataDir = path.join(parent, 'data')
    fs.mkdirSync(dataDir)
    fs.chmodSync(parent, 0o755)
    fs.chmodSync(dataDir, 0o555)
    expectOneClearLine(await startOn(dataDir), dataDir, /EACCES/)
    fs.rmSync(parent, { recursive: true, force: true })
  })

  it('refuses to start when the database file cannot be written', async () => {
    const parent = makeTempDataDir()
    const dataDir = path.join(parent, 'data')
    const made = await startInProcessServer({ dataDir })
    await made.stop()
    fs.chmodSync(parent, 0o755)
    fs.chmodSync(dataDir, 0o777)
    for (const name of fs.readdirSync(dataDir)) fs.chmodSync(path.join(dataDir, name), 0o444)
    expectOneClearLine(await startOn(dataDir), dataDir, /readonly|read-only|EACCES/i)
    fs.rmSync(parent, { recursive: true, force: true })
  })
})
