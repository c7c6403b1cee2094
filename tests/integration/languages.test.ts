import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoardViaApi, startInProcessServer, type InProcessServer } from '../support/server'

// The server's answers in the language a request asks for: a new board's template words, the
// template list, the exported programme (Markdown, and the PDF read back with pdftotext).

let server: InProcessServer

beforeAll(async () => {
  server = await startInProcessServer()
})
afterAll(() => server.stop())

async function boardFile(id: string, secret: string) {
  const res = await fetch(`${server.url}/api/boards/${id}/export.json`, { headers: { Authorization: `Bearer ${secret}` } })
  expect(res.status).toBe(200)
  return (await res.json()) as { records: { typeName: string; type?: string; props?: Record<string, unknown> }[]; session: Record<string, unknown> }
}

const zoneTitles = (file: Awaited<ReturnType<typeof boardFile>>) =>
  file.records.filter((r) => r.type === 'tavolo-zone').map((r) => r.props?.title)

describe('a new board in a language', () => {
  it('gets the template texts and rating criteria in the language it was created in (English by default)', async () => {
    const italian = await createBoardViaApi(server.url, { template: 'coproduction-star', language: 'it' })
    const italianFile = await boardFile(italian.id, italian.secrets.facilitator)
    expect(zoneTitles(italianFile)).toEqual(['Co-programmazione', 'Co-progettazione', 'Co-erogazione', 'Co-valutazione'])
    expect(italianFile.session.criteria).toEqual(['Rilevanza per gli studenti', 'Fattibilità', 'Equilibrio tra teoria e pratica'])

    const english = await createBoardViaApi(server.url, { template: 'coproduction-star' })
    expect(zoneTitles(await boardFile(english.id, english.secrets.facilitator))).toEqual(['Co-commission', 'Co-design', 'Co-deliver', 'Co-assess'])
  })

  it('refuses a language it does not have, saying which it has', async () => {
    const res = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ template: 'blank', language: 'fr' }),
    })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: string }).error).toMatch(/"language": .*"en" or "it"/)
  })
})

describe('GET /api/templates?language=', () => {
  it('lists the templates in the language asked for, English by default, and refuses an unknown one', async () => {
    const titles = async (query: string) => ((await (await fetch(`${server.url}/api/templates${query}`)).json()) as { title: string }[]).map((t) => t.title)
    expect(await titles('?language=it')).toEqual(['Laurea magistrale — Management dei servizi pubblici (≈ 50 h)', 'Stella della co-produzione', 'Vuoto'])
    expect(await titles('')).toEqual(['MSc programme — Public Services Management (≈ 50 h)', 'Co-production Star', 'Blank'])
    const bad = await fetch(`${server.url}/api/templates?language=xx`)
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: string }).error).toBe('"language" must be one of en, it; got "xx"')
  })
})

describe('GET /api/boards/:id/export.<format>?language=', { timeout: 60_000 }, () => {
  const exported = async (id: string, secret: string, file: string) => {
    const res = await fetch(`${server.url}/api/boards/${id}/${file}`, { headers: { Authorization: `Bearer ${secret}` } })
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()) }
  }

  it('writes the programme in Italian when asked, in Markdown and in the PDF', async () => {
    const board = await createBoardViaApi(server.url, { title: 'Laurea — Città 2026', template: 'msc-public-services', language: 'it' })
    const md = await exported(board.id, board.secrets.editor, 'export.md?language=it')
    expect(md.status).toBe(200)
    const markdown = md.body.toString('utf8')
    expect(markdown).toContain('## Partecipanti')
    expect(markdown).toContain('- Contenuti: 0 h su 50 h')
    expect(markdown).toContain('### 1\\. Pubblica amministrazione, NPM e riforme manageriali')
    expect(markdown).not.toContain('Participants')

    const pdf = await exported(board.id, board.secrets.editor, 'export.pdf?language=it')
    expect(pdf.status).toBe(200)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tavolo-it-pdf-'))
    try {
      fs.writeFileSync(path.join(dir, 'programme.pdf'), pdf.body)
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'programme.pdf'), '-'], { encoding: 'utf8' })
      for (const expected of ['Laurea — Città 2026', 'Partecipanti', 'Contenuti: 0 h su 50 h', 'Pagina 1 di']) expect(text).toContain(expected)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('writes English by default and refuses a language it does not have', async () => {
    const board = await createBoardViaApi(server.url, { template: 'blank' })
    expect((await exported(board.id, board.secrets.editor, 'export.md')).body.toString('utf8')).toContain('## Participants')
    const bad = await exported(board.id, board.secrets.editor, 'export.md?language=de')
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body.toString('utf8'))).toMatchObject({ code: 'bad-request', error: '"language" must be one of en, it; got "de"' })
  })
})
