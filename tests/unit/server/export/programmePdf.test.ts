import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { programmePdf } from '../../../../server/src/export/programmePdf'
import { boardWithCards, CARDS, workshopBoard } from '../../shared/export/fixture'

const date = new Date(Date.UTC(2026, 10, 28))
let dir = ''

beforeAll(() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' })
  } catch {
    throw new Error('pdftotext is needed to read the PDFs: install it with `apt-get install -y poppler-utils` (.ci/run does)')
  }
  dir = mkdtempSync(join(tmpdir(), 'tavolo-pdf-'))
})

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** The text of each page, as pdftotext reads it. */
function pagesOf(pdf: Buffer, name: string): string[] {
  const file = join(dir, `${name}.pdf`)
  writeFileSync(file, pdf)
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
  return text.split('\f').filter((page) => page.trim() !== '')
}

// PDFKit embeds the font subset in each document: seconds on a busy machine.
describe('programmePdf', { timeout: 30_000 }, () => {
  it('makes a real PDF whose text holds the programme, with page numbers', async () => {
    const pdf = await programmePdf(workshopBoard(), { date })
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF')
    const pages = pagesOf(pdf, 'workshop')
    const text = pages.join('\n').replace(/\s+/g, ' ')
    for (const card of CARDS.filter((c) => c.type === 'tavolo-content' && c.zone !== null)) {
      expect(text).toContain(String(card.props.title))
    }
    for (const expected of ['MSc Public Services', 'Participants', 'Frontal lecture', 'Open book, 2 h', 'Who co-produced this design', 'Anna Rossi', 'Zoë']) {
      expect(text).toContain(expected)
    }
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`))
  })

  it('numbers every page of a long programme', async () => {
    const long = 'A long description that fills the page with words about public services. '.repeat(12)
    const cards = Array.from({ length: 30 }, (_, i) => ({
      id: `shape:long${String(i).padStart(2, '0')}`,
      type: 'tavolo-content',
      props: { title: `Topic number ${i + 1}`, description: long, hours: 1, deliveredBy: 'unset' },
    }))
    const pages = pagesOf(await programmePdf(boardWithCards(cards, { zoneAccepts: ['tavolo-content'] }), { date }), 'long')
    expect(pages.length).toBeGreaterThan(2)
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`))
    expect(pages.join('\n')).toContain('Topic number 30')
  })

  it('prints the programme in the language asked for: headings, numbers, page numbers', async () => {
    const pages = pagesOf(await programmePdf(workshopBoard(), { date, language: 'it' }), 'italian')
    const text = pages.join('\n')
    for (const expected of ['Partecipanti', 'Esportato il 28 novembre 2026', 'Formati didattici', 'Chi ha co-prodotto questo progetto', 'Lezione frontale', '4,5']) {
      expect(text).toContain(expected)
    }
    pages.forEach((page, i) => expect(page).toContain(`Pagina ${i + 1} di ${pages.length}`))
    expect(text).not.toContain('Participants')
  })

  it('prints every name and symbol as typed: Latin Extended, Greek, Cyrillic, signs', async () => {
    const names = ['Zoë Nguyễn-Đặng Ørsted', 'Dvořák Łukasz Őrs', 'Αλέξανδρος Παπαδόπουλος', 'Наталья Иванова']
    const board = boardWithCards(
      names.map((name, i) => ({
        id: `shape:u${i}`,
        type: 'tavolo-content',
        props: { title: name, description: '≈ 50 h → “ok” ≤ 3 €5 — ½', hours: 2, deliveredBy: 'unset' },
      })),
      {
        zoneAccepts: ['tavolo-content'],
        // People's names print in the participants list and the co-producers, as typed.
        people: {
          p1: { name: 'Zoë Nguyễn-Đặng Ørsted', role: 'citizen', colour: '#2f9e44' },
          p2: { name: 'Αθηνά', role: 'student', colour: '#1971c2' },
          p3: { name: 'Юлия', role: 'professional', colour: '#e03131' },
        },
      },
    )
    const text = pagesOf(await programmePdf({ ...board, meta: { title: 'Città di Łódź — Αθήνα, Київ' } }, { date }), 'unicode').join('\n')
    for (const expected of [...names, '≈ 50 h → “ok” ≤ 3 €5 — ½', 'Città di Łódź — Αθήνα, Київ', 'Citizen / service user (1): Zoë Nguyễn-Đặng Ørsted', 'Student (1): Αθηνά', 'Professional (1): Юлия']) {
      expect(text).toContain(expected)
    }
  })
})
