import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readBoardDoc } from '../../../../shared/src/doc/readBoardDoc'
import { readRecords } from '../../../../shared/src/doc/recordsRoot'
import { BUDGETS_ROOT, PEOPLE_ROOT, SEAT_PICKS_ROOT, SESSION_ROOT } from '../../../../shared/src/doc/roots'
import { readShapes } from '../../../../shared/src/board/shapeLike'
import { budgetTable } from '../../../../shared/src/export/budgetTable'
import { cardsCsv } from '../../../../shared/src/export/cardsCsv'
import { translatorFor } from '../../../../shared/src/i18n'
import { programmeMarkdown } from '../../../../shared/src/export/programmeMarkdown'
import { parseBoardFile } from '../../../../shared/src/export/boardFile/parser'
import { boardFileToDoc, serializeBoardFile, toBoardFile } from '../../../../shared/src/export/boardFile/writer'
import { EXAM_CARD_TYPE } from '../../../../shared/src/cards/exam/examCard'
import { FORMAT_CARD_TYPE } from '../../../../shared/src/cards/format/formatCard'
import { adoptCard, plenaryZoneFor } from '../../../../shared/src/levels/adoption'
import { budgetKey } from '../../../../shared/src/levels/budgets'
import { SESSION_KEYS } from '../../../../shared/src/session/sessionKeys'
import { levelsBoard, newId } from './fixture'

// The exports gain the levels: each table's programme with totals, the plenary's programme, and
// each adopted card's provenance and hours by role; the board file keeps all of it.

function workshop() {
  const fixture = levelsBoard()
  const { doc, kv, addContent, contentsOf } = fixture
  doc.transact(() => {
    const people = doc.getMap(PEOPLE_ROOT)
    people.set('ann', { name: 'Ann', role: 'citizen', colour: '#111111' })
    people.set('pat', { name: 'Pat', role: 'professional', colour: '#222222' })
    doc.getMap(SESSION_ROOT).set(SESSION_KEYS.seating, { ann: 'table1' })
    doc.getMap(SESSION_ROOT).set(SESSION_KEYS.tablePicking, true)
    doc.getMap(SEAT_PICKS_ROOT).set('pat', 'table2')
  })
  const coProduction = addContent('table1', 'Co-production', 12, 'ann')
  addContent('table2', 'Digital services', 9, 'pat')
  doc.transact(() => {
    doc.getMap(BUDGETS_ROOT).set(budgetKey(coProduction.id, 'ann'), 20)
    doc.getMap(BUDGETS_ROOT).set(budgetKey(coProduction.id, 'pat'), 10)
  })
  const { card } = adoptCard({
    card: coProduction,
    tableId: 'table1',
    zone: contentsOf(null),
    records: readRecords(doc),
    roleOf: (id) => (id === 'ann' ? 'citizen' : 'professional'),
    hoursByRole: { citizen: 20, professional: 10 },
    personId: 'fran',
    at: 5,
    newId,
  })
  kv.set(card.id, card)
  return { ...fixture, adopted: card }
}

describe('the exports of a board with tables', () => {
  it('names an adopted lecture format and exam by their kind, timing and form', () => {
    const { doc, kv, addCard } = levelsBoard()
    for (const [original, tableId] of [
      [addCard('table1', FORMAT_CARD_TYPE, { kind: 'workshop', hours: 6 }, 'ann'), 'table1'],
      [addCard('table2', EXAM_CARD_TYPE, { timing: 'final', form: 'oral', weight: 40 }, 'pat'), 'table2'],
    ] as const) {
      const zone = plenaryZoneFor(readRecords(doc), original.type)!
      const { card } = adoptCard({ card: original, tableId, zone, records: readRecords(doc), roleOf: () => 'citizen', personId: 'fran', at: 5, newId })
      kv.set(card.id, card)
    }
    const markdown = programmeMarkdown(readBoardDoc(doc), { date: new Date(Date.UTC(2026, 11, 1)) })
    expect(markdown).toMatch(/\| Workshop \/ lab \| Table 1 \|/)
    expect(markdown).toMatch(/\| Oral \(final\) \| Table 2 \|/)
  })

  it('the Markdown programme is the plenary’s, followed by each table’s programme, the adopted cards’ provenance and the budget', () => {
    const { doc } = workshop()
    const markdown = programmeMarkdown(readBoardDoc(doc), { date: new Date(Date.UTC(2026, 11, 1)) })
    expect(markdown).toContain('## Tables')
    expect(markdown).toContain('### Table 1')
    expect(markdown).toMatch(/People: Ann \(Citizen \/ service user\)\.\nTotals: contents 12 h of 50 h/)
    expect(markdown).toMatch(/### Table 2\n\nPeople: Pat \(Professional\)\.\nTotals: contents 9 h of 50 h/)
    expect(markdown).toContain('| Digital services | 9 |')
    expect(markdown).toContain('## Adopted into the plenary')
    expect(markdown).toContain('| Co-production | Table 1 | Citizen / service user | Citizen / service user 20 h, Professional 10 h |')
    expect(markdown).toContain('## Hour budget')
    expect(markdown).toContain('| Co-production | 15 (10–20) | 10 (10–10) | 20 (20–20) | – |')
    // The programme's own totals are the plenary's: the adopted 12 h, not the tables' 21 h.
    expect(markdown).toMatch(/Contents: 12 h of 50 h/)
  })

  it('a content card without a title is “Untitled content” in a table’s programme and in the budget, in both languages', () => {
    const { doc, addContent } = levelsBoard()
    const blank = addContent('table1', '  ', 4, 'ann')
    doc.getMap(BUDGETS_ROOT).set(budgetKey(blank.id, 'ann'), 8)
    const markdown = programmeMarkdown(readBoardDoc(doc), { date: new Date(Date.UTC(2026, 11, 1)) })
    expect(markdown).toContain('| Untitled content | 4 |')
    expect(markdown).toContain('| Untitled content | 8 (8–8) |')
    const italian = programmeMarkdown(readBoardDoc(doc), { date: new Date(Date.UTC(2026, 11, 1)), language: 'it' })
    expect(italian).toContain('| Contenuto senza titolo | 4 |')
    expect(italian).toContain('| Contenuto senza titolo | 8 (8–8) |')
  })

  it('the budget table, the panel’s and the export’s, writes hours the reader’s way', () => {
    const { doc, addContent } = levelsBoard()
    const card = addContent('table1', 'Co-production', 4, 'ann')
    doc.transact(() => {
      doc.getMap(PEOPLE_ROOT).set('ann', { name: 'Ann', role: 'citizen', colour: '#111111' })
      doc.getMap(PEOPLE_ROOT).set('pat', { name: 'Pat', role: 'professional', colour: '#222222' })
      doc.getMap(BUDGETS_ROOT).set(budgetKey(card.id, 'ann'), 2)
      doc.getMap(BUDGETS_ROOT).set(budgetKey(card.id, 'pat'), 3)
    })
    const board = readBoardDoc(doc)
    const input = { budgets: board.budgets ?? {}, people: board.people, shapesById: new Map(readShapes(board.records).map((s) => [s.id, s])) }
    const italian = budgetTable(input, translatorFor('it'), 'it')
    expect(italian.columns.map((c) => c.title)).toEqual(['Contenuto', 'Tutti', 'Professionista', 'Cittadino / utente del servizio', 'Studente'])
    expect(italian.rows.map((r) => r.cells)).toEqual([['Co-production', '2,5 (2–3)', '3 (3–3)', '2 (2–2)', '–']])
    expect(budgetTable(input, translatorFor('en'), 'en').rows[0].cells[1]).toBe('2.5 (2–3)')
    expect(programmeMarkdown(board, { date: new Date(0), language: 'it' })).toContain('| Co-production | 2,5 (2–3) | 3 (3–3) | 2 (2–2) | – |')
  })

  it('words the levels in the export’s language', () => {
    const { doc } = workshop()
    const markdown = programmeMarkdown(readBoardDoc(doc), { date: new Date(Date.UTC(2026, 11, 1)), language: 'it' })
    expect(markdown).toContain('## Tavoli')
    expect(markdown).toMatch(/Totali: contenuti 12 h su 50 h/)
    expect(markdown).toContain('## Adottati dalla plenaria')
    expect(markdown).toContain('## Budget di ore')
  })

  it('the CSV says which table each card is at and where an adopted card came from', () => {
    const { doc, adopted } = workshop()
    const lines = cardsCsv(readBoardDoc(doc)).replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(lines[0].endsWith(',table,adopted_from_table,adopted_from_card')).toBe(true)
    const digital = lines.find((line) => line.includes('Digital services'))!
    expect(digital.endsWith(',Table 2,,')).toBe(true)
    const copy = lines.find((line) => line.startsWith(`${adopted.id},`))!
    expect(copy).toMatch(/,,Table 1,shape:levels\d+$/)
  })

  it('the board file round-trips tables, seating, picks, budgets, zones’ tables and provenance', () => {
    const { doc, adopted } = workshop()
    const parsed = parseBoardFile(serializeBoardFile(toBoardFile(readBoardDoc(doc))), { maxBytes: 10 * 1024 * 1024 })
    if (!parsed.ok) throw new Error(parsed.error)
    const copy = new Y.Doc()
    boardFileToDoc(parsed.file, copy)
    const before = readBoardDoc(doc)
    const after = readBoardDoc(copy)
    expect(after.budgets).toEqual(before.budgets)
    expect(after.seatPicks).toEqual({ pat: 'table2' })
    expect(after.session.tables).toEqual(before.session.tables)
    expect(after.session.seating).toEqual({ ann: 'table1' })
    const stored = (after.records as { id: string; meta: Record<string, unknown> }[]).find((r) => r.id === adopted.id)!
    expect(stored.meta.adoptedFrom).toEqual(adopted.meta.adoptedFrom)
    expect(programmeMarkdown(after, { date: new Date(0) }).split('## Tables')[1]).toEqual(programmeMarkdown(before, { date: new Date(0) }).split('## Tables')[1])
  })
})
