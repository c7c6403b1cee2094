import { describe, expect, it } from 'vitest'
import { EXPORT_FORMATS, exportFileName } from '../../../../shared/src/export/exportFormats'

describe('exportFileName', () => {
  it('makes an ASCII file name from the board title with the format suffix', () => {
    expect(exportFileName('MSc — Città 2026!', 'md')).toBe('msc-citta-2026-programme.md')
    expect(exportFileName('Workshop', 'pdf')).toBe('workshop-programme.pdf')
    expect(exportFileName('Workshop', 'csv')).toBe('workshop-cards.csv')
    expect(exportFileName('Workshop', 'json')).toBe('workshop.tavolo.json')
  })

  it('falls back to a plain name when nothing of the title is usable', () => {
    expect(exportFileName('', 'md')).toBe('tavolo-board-programme.md')
    expect(exportFileName('東京 🙂', 'json')).toBe('tavolo-board.tavolo.json')
  })

  it('keeps names short and free of header-breaking characters', () => {
    const name = exportFileName(`${'a'.repeat(59)} "x"\r\n; filename=evil`, 'csv')
    expect(name).toBe(`${'a'.repeat(59)}-cards.csv`)
    expect(name).toMatch(/^[a-z0-9.-]+$/)
  })

  it('serves each format with its content type', () => {
    expect(EXPORT_FORMATS.pdf.contentType).toBe('application/pdf')
    expect(EXPORT_FORMATS.csv.contentType).toMatch(/^text\/csv; charset=utf-8/)
  })
})
