import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fs from 'node:fs'
import { createBoardViaApi, makeTempDataDir, startInProcessServer, type InProcessServer } from '../support/server'
import type { CreatedBoard } from '../../shared/src/wire/api'
import { openSqliteStorage } from '../../server/src/storage/sqlite'
import type { BoardStorage } from '../../server/src/storage/storage'
import { rawHttp, upgradeStatus } from '../support/rawsocket'

let server: InProcessServer
let board: CreatedBoard

beforeAll(async () => {
  server = await startInProcessServer({ config: { maxAssetBytes: 1024, tldrawLicenseKey: 'test-licence' } })
  board = await createBoardViaApi(server.url, { title: 'Public services MSc' })
})
afterAll(() => server.stop())

async function call(path: string, init: RequestInit & { secret?: string } = {}) {
  const headers = new Headers(init.headers)
  if (init.secret) headers.set('Authorization', `Bearer ${init.secret}`)
  const res = await fetch(`${server.url}${path}`, { ...init, headers })
  const type = res.headers.get('content-type') ?? ''
  return { status: res.status, headers: res.headers, body: type.startsWith('application/json') ? await res.json() : await res.text() }
}

const post = (path: string, body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
  call(path, { method: 'POST', body, headers })

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])

describe('POST /api/boards', () => {
  it('creates a board with random URL-safe id and secrets', async () => {
    expect(board.title).toBe('Public services MSc')
    for (const value of [board.id, board.secrets.facilitator, board.secrets.editor, board.secrets.viewer]) {
      expect(value).toMatch(/^[A-Za-z0-9_-]{22,}$/)
    }
    const other = await createBoardViaApi(server.url)
    expect(other.id).not.toBe(board.id)
    expect(other.title).toBe('Untitled workshop')
    expect(new Set(Object.values(other.secrets)).size).toBe(3)
  })

  it('refuses bad bodies with 400 and a JSON error saying what is wrong', async () => {
    const cases: [string, RegExp][] = [
      ['{not json', /invalid JSON/],
      ['[1,2]', /expected object, got an array/],
      ['{"title": 5}', /"title": expected string, got a number/],
      ['{"title": "   "}', /1 to 200 characters/],
      ['{"template": "nope"}', /unknown template "nope"/],
      ['{"colour": "red"}', /"colour": unexpected property/],
    ]
    for (const [body, error] of cases) {
      const res = await post('/api/boards', body)
      expect(res.status, body).toBe(400)
      expect(res.body.error, body).toMatch(error)
    }
  })

  it('refuses a body over the limit with 413', async () => {
    const res = await post('/api/boards', JSON.stringify({ title: 'x'.repeat(100_000) }))
    expect(res.status).toBe(413)
    expect(res.body.error).toMatch(/limit/)
  })
})

describe('GET /api/boards/:id', () => {
  it('answers the role of each secret', async () => {
    for (const role of ['facilitator', 'editor', 'viewer'] as const) {
      const res = await call(`/api/boards/${board.id}`, { secret: board.secrets[role] })
      expect(res.status).toBe(200)
      expect(res.body).toEqual({ id: board.id, title: 'Public services MSc', role })
    }
  })

  it('answers 403 for a wrong secret, 401 without one, 404 for an unknown board, 400 for a malformed id', async () => {
    expect((await call(`/api/boards/${board.id}`, { secret: 'wrong' })).status).toBe(403)
    expect((await call(`/api/boards/${board.id}`)).status).toBe(401)
    const unknown = await call(`/api/boards/AAAAAAAAAAAAAAAAAAAAAA`, { secret: board.secrets.editor })
    expect(unknown).toMatchObject({ status: 404, body: { error: 'no board with this id' } })
    expect((await call(`/api/boards/not-an-id`, { secret: 'x' })).status).toBe(400)
  })

  it("does not accept another board's secret", async () => {
    const other = await createBoardViaApi(server.url)
    expect((await call(`/api/boards/${board.id}`, { secret: other.secrets.facilitator })).status).toBe(403)
  })
})

describe('GET /api/boards/:id/links', () => {
  it('gives the facilitator the editor and viewer secrets, and nobody else', async () => {
    const res = await call(`/api/boards/${board.id}/links`, { secret: board.secrets.facilitator })
    expect(res).toMatchObject({ status: 200, body: { editor: board.secrets.editor, viewer: board.secrets.viewer } })
    expect(res.body.facilitator).toBeUndefined()
    expect((await call(`/api/boards/${board.id}/links`, { secret: board.secrets.editor })).status).toBe(403)
    expect((await call(`/api/boards/${board.id}/links`, { secret: board.secrets.viewer })).status).toBe(403)
  })
})

describe('templates, config, health, static', () => {
  it('lists the templates', async () => {
    const res = await call('/api/templates')
    expect(res.status).toBe(200)
    expect(res.body.map((t: { id: string }) => t.id)).toContain('blank')
  })

  it('serves the licence key at run time', async () => {
    expect(await call('/api/config')).toMatchObject({ status: 200, body: { tldrawLicenseKey: 'test-licence' } })
  })

  it('is healthy and says how many rooms are loaded', async () => {
    expect(await call('/healthz')).toMatchObject({ status: 200, body: { ok: true, loadedRooms: 0, connections: 0 } })
  })

  it('answers only reads on health, readiness, metrics and the app (405 otherwise)', async () => {
    for (const path of ['/healthz', '/readyz', '/metrics', '/', '/b/x']) {
      for (const method of ['POST', 'PUT', 'DELETE']) {
        expect(await call(path, { method }), `${method} ${path}`).toMatchObject({ status: 405, body: { error: 'method not allowed' } })
      }
    }
    for (const path of ['/healthz', '/readyz', '/metrics']) expect((await fetch(`${server.url}${path}`, { method: 'HEAD' })).status, `HEAD ${path}`).toBe(200)
  })

  it('answers a request asking to upgrade to another protocol than websocket as a plain request (curl --http2 asks for h2c)', async () => {
    const h2c = 'Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA\r\n'
    const templates = await rawHttp(server.port, `GET /api/templates HTTP/1.1\r\nHost: 127.0.0.1\r\n${h2c}\r\n`)
    expect(templates).toMatch(/^HTTP\/1\.1 200 OK\r\n/)
    expect(JSON.parse(templates.slice(templates.indexOf('\r\n\r\n') + 4))).toContainEqual(expect.objectContaining({ id: 'blank' }))
    // The body is read as for any request.
    const body = JSON.stringify({ title: 'Asked for h2c' })
    const created = await rawHttp(
      server.port,
      `POST /api/boards HTTP/1.1\r\nHost: 127.0.0.1\r\n${h2c}Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
    )
    expect(created).toMatch(/^HTTP\/1\.1 201 Created\r\n/)
    expect(created).toContain('"title":"Asked for h2c"')
  })

  it('answers unknown API routes with a JSON 404', async () => {
    expect(await call('/api/nothing')).toMatchObject({ status: 404, body: { error: expect.stringContaining('/api/nothing') } })
  })
})

describe('websocket upgrade errors', () => {
  it('answers 400, 404 and 401 at the HTTP upgrade', async () => {
    const ws = server.wsUrl
    expect((await upgradeStatus(`${ws}/bad!id?k=x`)).status).toBe(400)
    expect((await upgradeStatus(`${ws}/AAAAAAAAAAAAAAAAAAAAAA?k=x`)).status).toBe(404)
    expect((await upgradeStatus(`${ws}/${board.id}`)).status).toBe(401)
    const wrong = await upgradeStatus(`${ws}/${board.id}?k=wrong`)
    expect(wrong.status).toBe(401)
    expect(JSON.parse(wrong.body)).toEqual({ error: 'wrong secret for this board' })
    expect((await upgradeStatus(`${ws}/${board.id}?k=${board.secrets.viewer}`)).status).toBe(101)
    expect((await upgradeStatus(`ws://127.0.0.1:${server.port}/elsewhere`)).status).toBe(404)
  })

  it('answers 400 to an upgrade whose URL cannot be parsed, logged as a warning and not as an error', async () => {
    const before = server.logs.length
    const answer = await rawHttp(
      server.port,
      'GET //x:99999/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n' +
        'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    )
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/)
    expect(answer).toContain('{"error":"malformed URL"}')
    // (Other tests' connections may still log that they left, at info.)
    const problems = server.logs.slice(before).filter((line) => !line.startsWith('info'))
    expect(problems).toEqual(['warn websocket //x:99999/ refused: 400 malformed URL'])
  })

  it('answers 503 and logs an error when storage fails during the checks', async () => {
    const dataDir = makeTempDataDir()
    const real = openSqliteStorage(dataDir)
    let fails = false
    const failing: BoardStorage = {
      ...real,
      async getBoard(id) {
        if (fails) throw new Error('the disk is gone')
        return real.getBoard(id)
      },
    }
    const broken = await startInProcessServer({ dataDir, storage: failing })
    try {
      const created = await createBoardViaApi(broken.url)
      fails = true
      const before = broken.logs.length
      const refused = await upgradeStatus(`${broken.wsUrl}/${created.id}?k=${created.secrets.editor}`)
      expect(refused.status).toBe(503)
      expect(JSON.parse(refused.body)).toEqual({ error: 'the board cannot be reached right now: try again' })
      expect(broken.logs.slice(before).filter((line) => !line.startsWith('info'))).toEqual([`error websocket /ws/${created.id}: the access checks failed: the disk is gone`])
    } finally {
      await broken.stop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })
})

describe('assets', () => {
  const upload = (body: Buffer | string, type: string, secret = board.secrets.editor) =>
    call(`/api/boards/${board.id}/assets`, {
      method: 'POST',
      body: typeof body === 'string' ? body : new Uint8Array(body),
      headers: { 'Content-Type': type },
      secret,
    })

  it('stores an image and serves it back with its type', async () => {
    const res = await upload(PNG, 'image/png')
    expect(res.status).toBe(201)
    expect(res.body.url).toMatch(new RegExp(`^/api/boards/${board.id}/assets/[A-Za-z0-9_-]{22}$`))
    const got = await fetch(`${server.url}${res.body.url}`)
    expect(got.status).toBe(200)
    expect(got.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await got.arrayBuffer()).equals(PNG)).toBe(true)
  })

  it('serves SVG under a restrictive content security policy', async () => {
    const res = await upload('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'image/svg+xml')
    expect(res.status).toBe(201)
    const got = await fetch(`${server.url}${res.body.url}`)
    expect(got.headers.get('content-security-policy')).toContain("default-src 'none'")
  })

  it('refuses viewers (403), non-images (415) and images over the limit (413)', async () => {
    expect((await upload(PNG, 'image/png', board.secrets.viewer)).status).toBe(403)
    const text = await upload('hello', 'text/plain')
    expect(text).toMatchObject({ status: 415, body: { error: expect.stringContaining('Content-Type must be one of') } })
    const fake = await upload('not really a png', 'image/png')
    expect(fake).toMatchObject({ status: 415, body: { error: 'the body is not a valid image/png image' } })
    const big = await upload(Buffer.concat([PNG, Buffer.alloc(2048)]), 'image/png')
    expect(big).toMatchObject({ status: 413, body: { error: expect.stringContaining('1024 byte limit') } })
  })

  it('answers 404 for an unknown asset', async () => {
    expect((await call(`/api/boards/${board.id}/assets/AAAAAAAAAAAAAAAAAAAAAA`)).status).toBe(404)
  })
})
