import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { boardExport } from '../../../../server/src/export/boardExport'
import { importedBoard } from '../../../../server/src/export/importedBoard'
import { readBoardDoc } from '../../../../shared/src/doc/readBoardDoc'
import { cardsCsv } from '../../../../shared/src/export/cardsCsv'
import { programmeMarkdown } from '../../../../shared/src/export/programmeMarkdown'
import { TITLE, workshopDoc } from '../../shared/export/fixture'

const date = new Date(Date.UTC(2026, 10, 28, 12))
const maxBytes = 1024 * 1024

// The first PDF loads PDFKit and its fonts: slow on a busy machine.
describe('boardExport', { timeout: 30_000 }, () => {
  const board = readBoardDoc(workshopDoc())

  it('serves the shared Markdown and CSV as UTF-8 with their types and file names', async () => {
    const md = await boardExport(board, 'md', { date })
    expect(md).toMatchObject({ contentType: 'text/markdown; charset=utf-8', fileName: 'msc-public-services-co-design-milano-programme.md' })
    expect(md.body.toString('utf8')).toBe(programmeMarkdown(board, { date }))

    const csv = await boardExport(board, 'csv', { date, anonymous: true })
    expect(csv.contentType).toMatch(/^text\/csv; charset=utf-8/)
    expect(csv.fileName).toBe('msc-public-services-co-design-milano-cards.csv')
    expect(csv.body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(csv.body.toString('utf8')).toBe(cardsCsv(board, { anonymous: true }))
  })

  it('serves the PDF and the board file', async () => {
    const pdf = await boardExport(board, 'pdf', { date })
    expect(pdf.contentType).toBe('application/pdf')
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const json = await boardExport(board, 'json', { date })
    expect(json).toMatchObject({ contentType: 'application/json; charset=utf-8', fileName: 'msc-public-services-co-design-milano.tavolo.json' })
    expect(JSON.parse(json.body.toString('utf8'))).toMatchObject({ kind: 'tavolo-board', title: TITLE, exportedAt: date.toISOString() })
  })
})

describe('importedBoard', () => {
  it('turns an exported board file into the stored state of a new board with the same document', async () => {
    const original = workshopDoc()
    const file = await boardExport(readBoardDoc(original), 'json', { date })
    const imported = importedBoard(file.body.toString('utf8'), { maxBytes })
    if (!imported.ok) throw new Error(imported.error)
    expect(imported).toMatchObject({ title: TITLE, template: 'msc-public-services' })
    const restored = new Y.Doc()
    Y.applyUpdate(restored, imported.snapshot)
    expect(readBoardDoc(restored)).toEqual(readBoardDoc(original))
  })

  it('passes on the reason a file is refused', () => {
    expect(importedBoard('{"kind":"other"}', { maxBytes })).toEqual({
      ok: false,
      code: 'board-file-not-tavolo',
      error: 'This file is not a Tavolo board. Choose a board file saved from Tavolo with Export → Board file (JSON); its name ends in .tavolo.json.',
    })
  })
})
