import { describe, expect, it } from 'vitest'
import { readRecords } from '../../../../shared/src/doc/recordsRoot'
import { comparableTitle, compareTables } from '../../../../shared/src/levels/comparison'
import { levelsBoard } from './fixture'

describe('the comparison of the tables', () => {
  it('lines up the same contents across tables, agreements first, each column with its table’s totals', () => {
    const { doc, tables, addContent } = levelsBoard()
    const a1 = addContent('table1', 'Co-production', 12, 'ann')
    addContent('table1', 'Networks', 8, 'ann', 1)
    const a2 = addContent('table2', '  co-production! ', 20, 'bob')
    addContent('table2', 'Digital services', 10, 'bob', 1)
    const comparison = compareTables({ records: readRecords(doc), people: {}, session: {} }, tables, [])
    expect(comparison.columns.map((c) => [c.table.id, c.summary.contentHours.total])).toEqual([
      ['table1', 20],
      ['table2', 30],
    ])
    expect(comparison.rows[0].tableCount).toBe(2)
    expect(comparison.rows[0].cells.table1.map((c) => c.cardId)).toEqual([a1.id])
    expect(comparison.rows[0].cells.table2.map((c) => [c.cardId, c.hours])).toEqual([[a2.id, 20]])
    expect(comparison.rows.slice(1).map((r) => [r.title, Object.keys(r.cells)])).toEqual([
      ['Digital services', ['table2']],
      ['Networks', ['table1']],
    ])
  })

  it('puts cards the facilitator linked in one row whatever their titles, and leaves out the plenary', () => {
    const { doc, tables, addContent } = levelsBoard()
    const n = addContent('table1', 'Networks', 8, 'ann')
    const g = addContent('table2', 'Governance networks', 6, 'bob')
    addContent(null, 'Networks', 4, 'fran')
    const comparison = compareTables({ records: readRecords(doc), people: {}, session: {} }, tables, [[n.id, g.id]])
    expect(comparison.rows).toHaveLength(1)
    expect(comparison.rows[0]).toMatchObject({ title: 'Networks', tableCount: 2 })
  })

  it('compares titles ignoring case, accents, punctuation and spacing', () => {
    expect(comparableTitle(' Città  e Servizi! ')).toBe(comparableTitle('citta e servizi'))
  })
})
