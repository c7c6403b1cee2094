import { describe, expect, it } from 'vitest'
import { ZONE_TYPE } from '../../../../shared/src/cards/zone/zone'
import { readRecords } from '../../../../shared/src/doc/recordsRoot'
import { summaryOfLevel } from '../../../../shared/src/levels/comparison'
import { plenaryZones, recordsOfLevel, renamedZoneTitles } from '../../../../shared/src/levels/tableZones'
import { boardChange } from '../../../../shared/src/rules/boardChange'
import { checkWrite } from '../../../../shared/src/rules/checkWrite'
import { docBoardView } from '../../../../shared/src/rules/docBoardView'
import { levelsBoard } from './fixture'

const overlaps = (a: { x: number; y: number; w: number; h: number }, b: typeof a) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

describe('each table’s copy of the zones', () => {
  it('gives every table the plenary’s zones, named after it, side by side and overlapping nothing', () => {
    const { copies, tables, doc } = levelsBoard()
    const plenary = plenaryZones(readRecords(doc))
    expect(plenary).toHaveLength(4)
    expect(copies).toHaveLength(8)
    const boxes = [...plenary, ...copies.map((c) => ({ x: c.x, y: c.y, w: (c.props as { w: number }).w, h: (c.props as { h: number }).h }))]
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)))
    for (const table of tables) {
      const own = copies.filter((c) => c.meta.tableId === table.id)
      expect(own.map((c) => (c.props as { title: string }).title)).toEqual(plenary.map((z) => `${table.name} · ${z.title}`))
      expect(own.every((c) => c.type === ZONE_TYPE && c.x > Math.max(...plenary.map((z) => z.x + z.w)))).toBe(true)
    }
    // Table 2 lies to the right of table 1.
    expect(Math.min(...copies.filter((c) => c.meta.tableId === 'table2').map((c) => c.x))).toBeGreaterThan(
      Math.max(...copies.filter((c) => c.meta.tableId === 'table1').map((c) => c.x)),
    )
  })

  it('writes records the board’s write rules accept from the facilitator', () => {
    const { copies } = levelsBoard()
    const fresh = levelsBoard()
    const view = docBoardView(fresh.doc)
    const change = boardChange({ records: Object.fromEntries(copies.map((c) => [c.id, c])) })
    expect(checkWrite({ personId: 'f', role: 'facilitator' }, change, view)).toBeNull()
  })

  it('gives each table its own totals with the same summary as the whole board', () => {
    const { doc, addContent } = levelsBoard()
    addContent('table1', 'Co-production', 12, 'ann')
    addContent('table1', 'Networks', 8, 'ann', 1)
    addContent('table2', 'Co-production', 20, 'bob')
    const input = { records: readRecords(doc), people: {}, session: { targets: { totalHours: 50 } } }
    expect(summaryOfLevel(input, 'table1').contentHours.total).toBe(20)
    expect(summaryOfLevel(input, 'table2').contentHours.total).toBe(20)
    expect(summaryOfLevel(input, 'table2').contentHours.cardIds).toHaveLength(1)
    // The plenary keeps the template's starter contents (0 h each) and none of the tables' cards.
    const plenary = summaryOfLevel(input, null)
    expect(plenary.zones).toHaveLength(4)
    expect(plenary.contentHours.total).toBe(0)
    expect(recordsOfLevel(input.records, 'table1').filter((r) => (r as { typeName: string }).typeName !== 'shape').length).toBeGreaterThan(0)
  })
})

describe('renaming a table', () => {
  it('renames the table’s zones still titled after it, and leaves a rewritten title and other tables alone', () => {
    const { doc, kv, tables, shapes } = levelsBoard()
    const zones = shapes().filter((s) => s.type === ZONE_TYPE && s.meta.tableId === 'table1')
    kv.set(zones[0].id, { ...zones[0], props: { ...zones[0].props, title: 'Our own title' } })
    const renamed = renamedZoneTitles(readRecords(doc), tables[0], { ...tables[0], name: 'Blue' })
    expect(renamed.map((r) => r.id).sort()).toEqual(zones.slice(1).map((z) => z.id).sort())
    expect(renamed.map((r) => r.title)).toContain('Blue · Lecture formats')
    expect(renamed.every((r) => r.title.startsWith('Blue · '))).toBe(true)
  })
})
