import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseRoute } from '../../client/src/routing'
import { boardLink } from '../../shared/src/session/joinLink'
import { CONTENT_SECURITY_POLICY } from '../../server/src/http/securityHeaders'
import { createBoardViaApi, makeTempDataDir, startInProcessServer, type InProcessServer } from '../support/server'

let server: InProcessServer
let base: string
let clientDir: string

beforeAll(async () => {
  base = makeTempDataDir()
  clientDir = path.join(base, 'dist')
  fs.mkdirSync(path.join(clientDir, 'assets'), { recursive: true })
  fs.writeFileSync(path.join(base, 'secret.txt'), 'outside the client folder')
  // The app's own page (client/index.html), so what is checked about it is what people load.
  fs.copyFileSync(path.join(__dirname, '../../client/index.html'), path.join(clientDir, 'index.html'))
  fs.writeFileSync(path.join(clientDir, 'assets', 'app-1234.js'), 'console.log(1)')
  server = await startInProcessServer({ clientDir })
})
afterAll(async () => {
  await server.stop()
  fs.rmSync(base, { recursive: true, force: true })
})

const get = (urlPath: string) => fetch(`${server.url}${urlPath}`)

describe('static client', () => {
  it('serves the app for home, a board link and the projector link, as the app makes them', async () => {
    const board = await createBoardViaApi(server.url)
    const links = {
      board: boardLink(server.url, board.id, board.secrets.editor, 'board'),
      present: boardLink(server.url, board.id, board.secrets.viewer, 'present'),
    }
    // The app's own router opens the projector on that link, with its secret from the fragment.
    const projector = new URL(links.present)
    expect(parseRoute(projector.pathname, projector.hash)).toMatchObject({ name: 'present', boardId: board.id, secret: board.secrets.viewer })
    for (const link of [`${server.url}/`, links.board, links.present]) {
      const res = await fetch(link)
      expect(res.status, link).toBe(200)
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(res.headers.get('cache-control')).toBe('no-cache')
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
      const html = await res.text()
      expect(html).toContain('<title>Tavolo</title>')
      // Nothing on the page comes from another host: every src and href is a path on this server.
      const urls = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1])
      expect(urls.length).toBeGreaterThan(0)
      for (const url of urls) expect(url, link).toMatch(/^\/[^/]/)
    }
    // And the policy names no host but this one.
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|\w+\.\w+\//)
  })

  it('serves hashed assets with a long cache, and 404 for missing files', async () => {
    const res = await get('/assets/app-1234.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('cache-control')).toContain('immutable')
    expect((await get('/assets/missing.js')).status).toBe(404)
  })

  it('never serves files outside the client folder', async () => {
    expect((await get('/..%2fsecret.txt')).status).toBe(404)
    expect((await get('/assets/..%2f..%2fsecret.txt')).status).toBe(404)
  })
})
