import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkPersonToken } from '../../server/src/access/personToken'
import { loadOrCreateServerKey } from '../../server/src/access/serverKey'
import { openSqliteStorage } from '../../server/src/storage/sqlite'
import type { BoardStorage } from '../../server/src/storage/storage'
import { createBoardViaApi, joinBoardViaApi, makeTempDataDir, startInProcessServer, type InProcessServer } from '../support/server'
import type { CreatedBoard } from '../../shared/src/wire/api'

let server: InProcessServer
let storage: BoardStorage
let board: CreatedBoard

beforeAll(async () => {
  const dataDir = makeTempDataDir()
  storage = openSqliteStorage(dataDir)
  server = await startInProcessServer({ dataDir, storage })
  board = await createBoardViaApi(server.url, { title: 'People' })
})
afterAll(() => server.stop())

function postPeople(boardId: string, body: string, headers: Record<string, string>) {
  return fetch(`${server.url}/api/boards/${boardId}/people`, { method: 'POST', body, headers })
}

const json = (secret: string) => ({ 'Content-Type': 'application/json', Authorization: `Bearer ${secret}` })

async function verify(boardId: string, role: 'facilitator' | 'editor' | 'viewer', token: string) {
  const record = await storage.getBoard(boardId)
  return checkPersonToken(storage, loadOrCreateServerKey(server.dataDir), record!, role, token)
}

describe('POST /api/boards/:id/people', () => {
  it('gives a server-made person id and a token that names the person, for every link', async () => {
    const editor = await joinBoardViaApi(server.url, board.id, board.secrets.editor, { name: '  Ada  ', role: 'citizen' })
    expect(editor.personId).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(editor.token.startsWith(`${editor.personId}.`)).toBe(true)
    const check = await verify(board.id, 'editor', editor.token)
    expect(check).toEqual({
      ok: true,
      person: { boardId: board.id, id: editor.personId, name: 'Ada', role: 'citizen', accessRole: 'editor', joinedAt: expect.any(Number) },
    })

    const viewer = await joinBoardViaApi(server.url, board.id, board.secrets.viewer, { name: 'Bo', role: 'student' })
    const facilitator = await joinBoardViaApi(server.url, board.id, board.secrets.facilitator, { name: 'Flo', role: 'facilitator' })
    expect(new Set([editor.personId, viewer.personId, facilitator.personId]).size).toBe(3)
    expect((await verify(board.id, 'viewer', viewer.token)).ok).toBe(true)
    expect((await verify(board.id, 'facilitator', facilitator.token)).ok).toBe(true)
  })

  it('answers 201 with exactly { personId, token }', async () => {
    const res = await postPeople(board.id, JSON.stringify({ name: 'Cy', role: 'professional' }), json(board.secrets.editor))
    expect(res.status).toBe(201)
    expect(Object.keys(await res.json()).sort()).toEqual(['personId', 'token'])
  })

  it('binds the token to its board and access role', async () => {
    const other = await createBoardViaApi(server.url, { title: 'Other' })
    const { token } = await joinBoardViaApi(server.url, board.id, board.secrets.viewer, { name: 'Vi', role: 'student' })
    expect(await verify(board.id, 'editor', token)).toEqual({ ok: false, reason: expect.stringMatching(/does not belong to this board link/) })
    expect((await verify(other.id, 'viewer', token)).ok).toBe(false)
    const [personId, mac] = token.split('.')
    const forged = `${personId}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`
    expect((await verify(board.id, 'viewer', forged)).ok).toBe(false)
    expect(await verify(board.id, 'viewer', 'garbage')).toEqual({ ok: false, reason: 'malformed person token' })
  })

  it('refuses bad names and roles with 400 saying what is wrong', async () => {
    const cases: [string, RegExp][] = [
      ['{"name": "", "role": "citizen"}', /name/],
      ['{"name": "   ", "role": "citizen"}', /1 to 60 characters/],
      [JSON.stringify({ name: 'x'.repeat(61), role: 'citizen' }), /1 to 60 characters/],
      [JSON.stringify({ name: 'Eve\nAdmin', role: 'citizen' }), /control characters/],
      ['{"name": 5, "role": "citizen"}', /name/],
      ['{"name": "Ed", "role": "mayor"}', /role/],
      ['{"name": "Ed"}', /role/],
      ['{"name": "Ed", "role": "citizen", "admin": true}', /admin/],
      ['[1]', /object/],
      ['{oops', /invalid JSON/],
    ]
    for (const [body, error] of cases) {
      const res = await postPeople(board.id, body, json(board.secrets.editor))
      expect(res.status, body).toBe(400)
      expect(((await res.json()) as { error: string }).error, body).toMatch(error)
    }
  })

  it('lets only the facilitator link join as the facilitator', async () => {
    const res = await postPeople(board.id, JSON.stringify({ name: 'Mallory', role: 'facilitator' }), json(board.secrets.editor))
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: string }).error).toMatch(/only the facilitator link/)
  })

  it('needs a secret of the board: 401 without, 403 with a wrong one, 404 for an unknown board', async () => {
    const body = JSON.stringify({ name: 'Ed', role: 'citizen' })
    expect((await postPeople(board.id, body, { 'Content-Type': 'application/json' })).status).toBe(401)
    expect((await postPeople(board.id, body, json('not-a-secret'))).status).toBe(403)
    const other = await createBoardViaApi(server.url)
    expect((await postPeople(board.id, body, json(other.secrets.editor))).status).toBe(403)
    expect((await postPeople('A'.repeat(22), body, json(board.secrets.editor))).status).toBe(404)
  })

  it('refuses a body that is not declared JSON with 415', async () => {
    const res = await postPeople(board.id, JSON.stringify({ name: 'Ed', role: 'citizen' }), {
      'Content-Type': 'text/plain',
      Authorization: `Bearer ${board.secrets.editor}`,
    })
    expect(res.status).toBe(415)
  })

  it("invalidates the shared links' tokens when the facilitator replaces the links, and keeps the facilitator's", async () => {
    const rotating = await createBoardViaApi(server.url, { title: 'Rotation' })
    const editor = await joinBoardViaApi(server.url, rotating.id, rotating.secrets.editor, { name: 'Ed', role: 'citizen' })
    const viewer = await joinBoardViaApi(server.url, rotating.id, rotating.secrets.viewer, { name: 'Vi', role: 'student' })
    const facilitator = await joinBoardViaApi(server.url, rotating.id, rotating.secrets.facilitator, { name: 'Flo', role: 'facilitator' })
    expect((await verify(rotating.id, 'editor', editor.token)).ok).toBe(true)

    const rotated = await fetch(`${server.url}/api/boards/${rotating.id}/links/rotate`, { method: 'POST', headers: json(rotating.secrets.facilitator) })
    expect(rotated.status).toBe(200)
    const links = (await rotated.json()) as { editor: string }

    expect((await verify(rotating.id, 'editor', editor.token)).ok).toBe(false)
    expect((await verify(rotating.id, 'viewer', viewer.token)).ok).toBe(false)
    expect((await verify(rotating.id, 'facilitator', facilitator.token)).ok).toBe(true)
    const rejoined = await joinBoardViaApi(server.url, rotating.id, links.editor, { name: 'Ed', role: 'citizen' })
    expect((await verify(rotating.id, 'editor', rejoined.token)).ok).toBe(true)
  })

  it('never stores the token', async () => {
    const { token } = await joinBoardViaApi(server.url, board.id, board.secrets.editor, { name: 'Stored?', role: 'citizen' })
    const files = fs.readdirSync(server.dataDir).filter((name) => name.startsWith('tavolo.sqlite'))
    const mac = token.split('.')[1]
    for (const name of files) expect(fs.readFileSync(path.join(server.dataDir, name)).includes(mac)).toBe(false)
  })
})
