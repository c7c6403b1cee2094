import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { readBoardDoc } from '../../shared/src/doc/readBoardDoc'
import { RATINGS_ROOT, SESSION_ROOT } from '../../shared/src/doc/roots'
import { recordsArray } from '../../shared/src/doc/recordsRoot'
import { serializeBoardFile, toBoardFile } from '../../shared/src/export/boardFile/writer'
import { SQLITE_FILE_NAME } from '../../server/src/storage/sqlite'
import { CARDS, workshopDoc } from '../unit/shared/export/fixture'
import { startInProcessServer, type InProcessServer } from '../support/server'
import { trackedClients } from '../support/trackedClients'
import { waitFor, waitForSync } from '../support/yclient'

let server: InProcessServer | null = null

afterEach(async () => {
  await server?.stop()
  server = null
})

const { client, person } = trackedClients(() => server!.wsUrl)

interface Created {
  id: string
  title: string
  secrets: { facilitator: string; editor: string; viewer: string }
}

async function importBoard(body: string): Promise<Response> {
  return fetch(`${server!.url}/api/boards/import`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })
}

async function exportAs(board: Created, format: string, secret = board.secrets.facilitator): Promise<Response> {
  return fetch(`${server!.url}/api/boards/${board.id}/export.${format}`, { headers: { Authorization: `Bearer ${secret}` } })
}

/** A workshop board on the server, edited live by a real y-websocket participant. */
async function liveWorkshop(): Promise<Created> {
  const res = await importBoard(serializeBoardFile(toBoardFile(readBoardDoc(workshopDoc()))))
  expect(res.status).toBe(201)
  const board = (await res.json()) as Created
  const participant = await person(board.id, board.secrets.editor)
  await waitForSync(participant)
  const records = new YKeyValue(recordsArray(participant.doc))
  const c1 = records.get('shape:c1') as { props: Record<string, unknown> }
  records.set('shape:c1', { ...c1, props: { ...c1.props, title: 'Public value, live' } })
  participant.doc.getMap(RATINGS_ROOT).set(`Feasibility/${participant.personId}`, 2)
  const reader = client(board.id, board.secrets.viewer)
  await waitForSync(reader)
  await waitFor(() => reader.doc.getMap(RATINGS_ROOT).get(`Feasibility/${participant.personId}`) === 2, 'the live rating to be stored')
  return board
}

describe('exports through the API', () => {
  it('serves the programme as Markdown with the live edits, totals and contributions', async () => {
    server = await startInProcessServer()
    const board = await liveWorkshop()
    const res = await exportAs(board, 'md', board.secrets.editor)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="msc-public-services-co-design-milano-programme\.md"$/)
    const md = await res.text()
    expect(md).toContain('Public value, live')
    expect(md).toContain('Network governance')
    expect(md).toMatch(/Who co-produced this design/)
    expect(md).toContain('Invite a city councillor')
  })

  it('serves one CSV row per card, facilitator only', async () => {
    server = await startInProcessServer()
    const board = await liveWorkshop()
    expect((await exportAs(board, 'csv', board.secrets.editor)).status).toBe(403)
    const res = await exportAs(board, 'csv')
    expect(res.status).toBe(200)
    const csv = await res.text()
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n')
    const cardRows = lines.filter((line) => /^"?shape:(c|f|e|i|x)\d/.test(line))
    expect(cardRows).toHaveLength(CARDS.length)
    expect(csv).toContain('Public value, live')
    expect(csv).toContain(",'+ more field visits,")
  })

  it('serves a real PDF whose text holds the contents', async () => {
    server = await startInProcessServer()
    const board = await liveWorkshop()
    const res = await exportAs(board, 'pdf', board.secrets.viewer)
    expect(res.status).toBe(200)
    const pdf = Buffer.from(await res.arrayBuffer())
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tavolo-pdf-')), 'programme.pdf')
    fs.writeFileSync(file, pdf)
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    fs.rmSync(path.dirname(file), { recursive: true, force: true })
    expect(text).toContain('Public value, live')
    expect(text).toContain('Network governance')
    expect(text).toMatch(/Page 1 of \d+/)
  })

  it('leaves out names when the facilitator made the board anonymous, or when asked with ?anonymous=1', async () => {
    server = await startInProcessServer()
    const board = await liveWorkshop()
    expect(await (await exportAs(board, 'md')).text()).toContain('Anna Rossi')
    const once = await fetch(`${server.url}/api/boards/${board.id}/export.md?anonymous=1`, {
      headers: { Authorization: `Bearer ${board.secrets.editor}` },
    })
    expect(await once.text()).not.toContain('Anna Rossi')

    const facilitator = await person(board.id, board.secrets.facilitator, { role: 'facilitator' })
    await waitForSync(facilitator)
    facilitator.doc.getMap(SESSION_ROOT).set('anonymous', true)
    const reader = client(board.id, board.secrets.viewer)
    await waitFor(() => reader.doc.getMap(SESSION_ROOT).get('anonymous') === true, 'the anonymous setting to be stored')
    const md = await (await exportAs(board, 'md', board.secrets.editor)).text()
    expect(md).not.toContain('Anna Rossi')
    expect(md).toMatch(/Professional: \d+ (person|people)/)
    const csv = await (await exportAs(board, 'csv')).text()
    expect(csv).not.toContain('Anna Rossi')
    expect(csv).toContain('professional')
  })

  it('takes only 0 or 1 for ?anonymous=: another value is refused, not read as "show the names"', async () => {
    server = await startInProcessServer()
    const board = await liveWorkshop()
    const csv = (anonymous: string) => exportAs(board, `csv?anonymous=${anonymous}`)
    for (const value of ['true', 'yes', '']) {
      const refused = await csv(value)
      expect(refused.status).toBe(400)
      expect(((await refused.json()) as { error: string }).error).toBe(`"anonymous" must be 0 or 1; got "${value}"`)
    }
    expect(await (await csv('1')).text()).not.toContain('Anna Rossi')
    expect(await (await csv('0')).text()).toContain('Anna Rossi')
  })

  it('export → import → export gives the same document', async () => {
    server = await startInProcessServer()
    const board = await liveWorkshop()
    const first = await (await exportAs(board, 'json')).json()
    const res = await importBoard(JSON.stringify(first))
    expect(res.status).toBe(201)
    const copy = (await res.json()) as Created
    expect(copy.id).not.toBe(board.id)
    expect(copy.secrets.facilitator).not.toBe(board.secrets.facilitator)
    const second = await (await exportAs(copy, 'json')).json()
    const { exportedAt: _a, ...firstContent } = first as Record<string, unknown>
    const { exportedAt: _b, ...secondContent } = second as Record<string, unknown>
    expect(secondContent).toEqual(firstContent)
    const md = await (await exportAs(copy, 'md')).text()
    expect(md).toContain('Public value, live')
  })

  it('refuses a file with values the relay refuses in a live write, or nested thousands deep, and stores nothing', async () => {
    server = await startInProcessServer()
    const edited = (change: (json: Record<string, any>) => void): string => {
      const json = JSON.parse(serializeBoardFile(toBoardFile(readBoardDoc(workshopDoc()))))
      change(json)
      return JSON.stringify(json)
    }
    // Built as text: the value itself would overflow the stack of whoever stringifies it.
    const nested = (depth: number) =>
      edited((json) => (json.session.voting = '@deep@')).replace('"@deep@"', `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`)
    const files: [string, string, RegExp][] = [
      ['an invalid session value', edited((json) => (json.session.voting = 'garbage')), /"session\.voting": expected object, got a string/],
      ['an unknown session key', edited((json) => (json.session.notAKey = { any: 'thing' })), /"session\.notAKey": is not a session key/],
      ['a role that is not a person role', edited((json) => (json.people.anna.role = 'admin')), /"people\.anna\.role": expected .*, got admin/],
      ['a rating out of range', edited((json) => (json.ratings['Feasibility/anna'] = 1e308)), /"ratings": invalid value for Feasibility\/anna/],
      ['a vote out of range', edited((json) => (json.votes['shape:c1/zoe'] = -1000)), /"votes": invalid value for shape:c1\/zoe/],
      ['a value nested 5000 deep', nested(5000), /"session\.voting": nested more than \d+ levels deep/],
      ['a value nested 100000 deep', nested(100_000), /"session\.voting": nested more than \d+ levels deep/],
    ]
    for (const [what, body, message] of files) {
      const res = await importBoard(body)
      expect(res.status, what).toBe(400)
      const answer = (await res.json()) as { code: string; error: string }
      expect(answer.code, what).toBe('board-file-damaged')
      expect(answer.error, what).toMatch(/^The board file is damaged and cannot be imported: /)
      expect(answer.error, what).toMatch(message)
    }
    const db = new Database(path.join(server.dataDir, SQLITE_FILE_NAME), { readonly: true })
    try {
      expect(db.prepare('SELECT COUNT(*) AS n FROM boards').get()).toEqual({ n: 0 })
    } finally {
      db.close()
    }
  })

  it('refuses what is not a board file, and unknown formats, with clear messages', async () => {
    server = await startInProcessServer()
    const notJson = await importBoard('this is not JSON')
    expect(notJson.status).toBe(400)
    expect(((await notJson.json()) as { error: string }).error).toMatch(/JSON/)
    const wrongKind = await importBoard(JSON.stringify({ kind: 'something-else' }))
    expect(wrongKind.status).toBe(400)
    expect(await wrongKind.json()).toMatchObject({ code: 'board-file-not-tavolo', error: expect.stringMatching(/^This file is not a Tavolo board\./) })
    const tooLarge = await importBoard('x'.repeat(11 * 1024 * 1024))
    expect(tooLarge.status).toBe(413)
    expect(await tooLarge.json()).toMatchObject({ code: 'too-large', params: { limit: 10 * 1024 * 1024 } })
    const board = await liveWorkshop()
    expect((await exportAs(board, 'docx')).status).toBe(404)
    expect((await exportAs(board, 'md', 'wrong-secret')).status).toBe(403)
  })
})
