import { describe, expect, it } from 'vitest'
import { readRecords } from '../../../../shared/src/doc/recordsRoot'
import { CONTENT_CARD_TYPE } from '../../../../shared/src/cards/content/contentCard'
import { EXAM_CARD_TYPE } from '../../../../shared/src/cards/exam/examCard'
import { FORMAT_CARD_TYPE } from '../../../../shared/src/cards/format/formatCard'
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
    expect(comparison.rows[0].cells.table2.map((c) => [c.cardId, c.value])).toEqual([[a2.id, 20]])
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

  it('lines up lecture formats by kind and exams by timing and form, after the contents, with their hours and weights', () => {
    const { doc, tables, addCard, addContent } = levelsBoard()
    addContent('table1', 'Networks', 8, 'ann')
    const l1 = addCard('table1', FORMAT_CARD_TYPE, { kind: 'lecture', hours: 10 }, 'ann')
    const l2 = addCard('table2', FORMAT_CARD_TYPE, { kind: 'lecture', hours: 6 }, 'bob')
    addCard('table2', FORMAT_CARD_TYPE, { kind: 'workshop', hours: 4 }, 'bob', 1)
    const e1 = addCard('table1', EXAM_CARD_TYPE, { timing: 'final', form: 'written', weight: 60 }, 'ann')
    const e2 = addCard('table2', EXAM_CARD_TYPE, { timing: 'final', form: 'written', weight: 70 }, 'bob')
    addCard('table2', EXAM_CARD_TYPE, { timing: 'final', form: 'oral', weight: 30 }, 'bob', 1)
    // A plenary format never enters the comparison.
    addCard(null, FORMAT_CARD_TYPE, { kind: 'lecture', hours: 2 }, 'fran')
    const comparison = compareTables({ records: readRecords(doc), people: {}, session: {} }, tables, [])
    expect(comparison.rows.map((r) => [r.cardType, r.fields, r.tableCount])).toEqual([
      [CONTENT_CARD_TYPE, { title: 'Networks' }, 1],
      [FORMAT_CARD_TYPE, { kind: 'lecture' }, 2],
      [FORMAT_CARD_TYPE, { kind: 'workshop' }, 1],
      [EXAM_CARD_TYPE, { timing: 'final', form: 'written' }, 2],
      [EXAM_CARD_TYPE, { timing: 'final', form: 'oral' }, 1],
    ])
    expect(comparison.rows[1].cells).toEqual({ table1: [{ cardId: l1.id, title: '', value: 10 }], table2: [{ cardId: l2.id, title: '', value: 6 }] })
    expect(comparison.rows[3].cells).toEqual({ table1: [{ cardId: e1.id, title: '', value: 60 }], table2: [{ cardId: e2.id, title: '', value: 70 }] })
    expect(comparison.columns.map((c) => [c.summary.formatHours.total, c.summary.examWeights.total])).toEqual([
      [10, 60],
      [10, 100],
    ])
  })

  it('compares titles ignoring case, accents, punctuation and spacing', () => {
    expect(comparableTitle(' Città  e Servizi! ')).toBe(comparableTitle('citta e servizi'))
  })
})
