import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTempDataDir, startInProcessServer, type InProcessServer } from '../support/server'

let server: InProcessServer
let base: string
let clientDir: string

beforeAll(async () => {
  base = makeTempDataDir()
  clientDir = path.join(base, 'dist')
  fs.mkdirSync(path.join(clientDir, 'assets'), { recursive: true })
  fs.writeFileSync(path.join(base, 'secret.txt'), 'outside the client folder')
  fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Tavolo</title>')
  fs.writeFileSync(path.join(clientDir, 'assets', 'app-1234.js'), 'console.log(1)')
  server = await startInProcessServer({ clientDir })
})
afterAll(async () => {
  await server.stop()
  fs.rmSync(base, { recursive: true, force: true })
})

const get = (urlPath: string) => fetch(`${server.url}${urlPath}`)

describe('static client', () => {
  it('serves index.html for the app routes', async () => {
    for (const route of ['/', '/b/AAAAAAAAAAAAAAAAAAAAAA', '/projector/x']) {
      const res = await get(route)
      expect(res.status, route).toBe(200)
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(res.headers.get('cache-control')).toBe('no-cache')
      expect(await res.text()).toContain('<title>Tavolo</title>')
    }
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
