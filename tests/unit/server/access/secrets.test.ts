import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../../../../server/scripts/serverBuild.mjs'
import { isWellFormedId, newRandomId } from '../../../../server/src/access/ids'
import { deriveBoardSecrets, resolveRole } from '../../../../server/src/access/secrets'
import { SERVER_KEY_FILE_NAME, loadOrCreateServerKey } from '../../../../server/src/access/serverKey'
import { makeTempDataDir } from '../../../support/server'

const dirs: string[] = []
// Racers wait for a go file in a busy loop: one left behind by a failed or timed-out test would spin forever.
const racers: ChildProcessWithoutNullStreams[] = []
afterEach(() => {
  for (const racer of racers.splice(0)) racer.kill('SIGKILL')
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

function tempDir(): string {
  const dir = makeTempDataDir()
  dirs.push(dir)
  return dir
}

describe('ids', () => {
  it('are 128-bit URL-safe and distinct', () => {
    const ids = Array.from({ length: 1000 }, newRandomId)
    expect(new Set(ids).size).toBe(1000)
    for (const id of ids) expect(isWellFormedId(id)).toBe(true)
    expect(Buffer.from(ids[0], 'base64url')).toHaveLength(16)
  })

  it('rejects anything else', () => {
    for (const bad of ['', 'short', 'A'.repeat(23), 'AAAAAAAAAAAAAAAAAAAAA/', '../AAAAAAAAAAAAAAAAAAAA']) {
      expect(isWellFormedId(bad), bad).toBe(false)
    }
  })
})

describe('server key', () => {
  it('is created once with mode 0600 and read back the same', () => {
    const dir = tempDir()
    const key = loadOrCreateServerKey(dir)
    expect(key).toHaveLength(32)
    expect(fs.statSync(path.join(dir, SERVER_KEY_FILE_NAME)).mode & 0o777).toBe(0o600)
    expect(loadOrCreateServerKey(dir).equals(key)).toBe(true)
  })

  it('is read whole by processes starting at once, all with the one key made', async () => {
    const root = tempDir()
    const RACERS = 6
    const FOLDERS = 300
    for (let i = 0; i < RACERS; i++) racers.push(spawn(process.execPath, ['--import', 'tsx', 'tests/support/serverKeyRacer.ts', root, String(FOLDERS)], { cwd: REPO_ROOT }))
    const outputs = racers.map((racer) => {
      let out = ''
      racer.stdout.on('data', (data) => (out += data))
      return new Promise<string>((resolve) => racer.on('exit', () => resolve(out)))
    })
    await Promise.all(racers.map((racer) => new Promise((resolve) => racer.stdout.once('data', resolve))))
    fs.writeFileSync(path.join(root, 'go'), '')
    const keys = (await Promise.all(outputs)).map((out) => JSON.parse(out.slice(out.indexOf('\n') + 1)) as string[])
    expect(keys.flat().filter((key) => key.startsWith('failed'))).toEqual([])
    for (let i = 0; i < FOLDERS; i++) expect(new Set(keys.map((racer) => racer[i])), `folder ${i}`).toEqual(new Set([keys[0][i]]))
    // Six processes starting tsx at once take seconds on a busy 2-core machine.
  }, 60_000)

  it('refuses a damaged key file', () => {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, SERVER_KEY_FILE_NAME), 'abc')
    expect(() => loadOrCreateServerKey(dir)).toThrow(/damaged/)
  })
})

describe('secrets', () => {
  const key = Buffer.alloc(32, 7)
  const boardId = 'AAAAAAAAAAAAAAAAAAAAAA'

  it('are derived per board, role and generation, and resolve to their role', () => {
    const secrets = deriveBoardSecrets(key, boardId, 0)
    expect(resolveRole(key, boardId, 0, secrets.facilitator)).toBe('facilitator')
    expect(resolveRole(key, boardId, 0, secrets.editor)).toBe('editor')
    expect(resolveRole(key, boardId, 0, secrets.viewer)).toBe('viewer')
    expect(Buffer.from(secrets.viewer, 'base64url').length).toBeGreaterThanOrEqual(16)
  })

  it('give nothing on another board, another generation or another server key', () => {
    const secrets = deriveBoardSecrets(key, boardId, 0)
    expect(resolveRole(key, 'BBBBBBBBBBBBBBBBBBBBBB', 0, secrets.editor)).toBeNull()
    expect(resolveRole(key, boardId, 1, secrets.editor)).toBeNull()
    expect(resolveRole(Buffer.alloc(32, 8), boardId, 0, secrets.editor)).toBeNull()
    expect(resolveRole(key, boardId, 0, '')).toBeNull()
    expect(resolveRole(key, boardId, 0, null)).toBeNull()
    expect(resolveRole(key, boardId, 0, secrets.editor.slice(1))).toBeNull()
  })
})
