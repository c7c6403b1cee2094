import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoardViaApi, startInProcessServer, type InProcessServer } from '../support/server'

// The server's answers in the language a request asks for: a new board's template words, the
// template list.

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
