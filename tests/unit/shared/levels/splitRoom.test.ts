import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecords } from '../../../../shared/src/doc/recordsRoot'
import { planSplit, type SplitOptions } from '../../../../shared/src/levels/splitRoom'
import { seedBoardDoc } from '../../../../shared/src/templates/seedBoardDoc'

// The split's plan says when the board has no zones to copy (the facilitator is told to add a
// template's zones), apart from any other failure, which the form must not word as that.

function options(records: readonly unknown[], count = 2): SplitOptions {
  return { count, mode: 'hand', people: [], records, random: Math.random, tableId: (i) => `t${i}`, tableName: (i) => `Table ${i + 1}`, at: 1 }
}

describe('planSplit', () => {
  it('is null on a board without zones, and a plan with each table’s zones otherwise', () => {
    expect(planSplit(options([]))).toBeNull()
    const doc = new Y.Doc()
    seedBoardDoc(doc, { title: 'Split', templateId: 'msc-public-services', at: 1 })
    const plan = planSplit(options(readRecords(doc)))!
    expect(plan.tables.map((t) => t.name)).toEqual(['Table 1', 'Table 2'])
    expect(plan.zones.length).toBeGreaterThan(0)
  })

  it('still throws for a count the form should have refused, so that is never taken for "no zones"', () => {
    expect(() => planSplit(options([], 13))).toThrow(/2 to 12/)
  })
})
