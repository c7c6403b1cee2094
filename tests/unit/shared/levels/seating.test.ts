import { describe, expect, it } from 'vitest'
import { peopleByTable, seatAtRandom } from '../../../../shared/src/levels/seating'
import { planSeating } from '../../../../shared/src/levels/splitRoom'
import { makeTables, MAX_TABLE_NAME, renameTable, seatOf } from '../../../../shared/src/levels/tables'

/** A small deterministic generator, so each seed is one reproducible shuffle. */
function seeded(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}

const tables = makeTables(3, (i) => `t${i}`, (i) => `Table ${i + 1}`)
const people = [
  ...Array.from({ length: 6 }, (_, i) => ({ personId: `pro${i}`, role: 'professional' })),
  ...Array.from({ length: 4 }, (_, i) => ({ personId: `cit${i}`, role: 'citizen' })),
  ...Array.from({ length: 3 }, (_, i) => ({ personId: `stu${i}`, role: 'student' })),
]

describe('seating at random with a balance of roles', () => {
  it('spreads each role evenly and keeps tables within one person of each other, whatever the shuffle', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const seating = seatAtRandom(people, tables, seeded(seed))
      expect(Object.keys(seating).sort()).toEqual(people.map((p) => p.personId).sort())
      const sizes = tables.map((t) => Object.values(seating).filter((id) => id === t.id).length)
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
      for (const role of ['professional', 'citizen', 'student']) {
        const perTable = tables.map((t) => people.filter((p) => p.role === role && seating[p.personId] === t.id).length)
        expect(Math.max(...perTable) - Math.min(...perTable), `${role} with seed ${seed}`).toBeLessThanOrEqual(1)
      }
    }
  })

  it('is random: different seeds seat people differently', () => {
    const seatings = new Set([1, 2, 3, 4, 5].map((seed) => JSON.stringify(seatAtRandom(people, tables, seeded(seed)))))
    expect(seatings.size).toBeGreaterThan(1)
  })

  it('refuses a room of fewer than 2 or more than 12 tables', () => {
    expect(() => makeTables(1, String, String)).toThrow(/2 to 12/)
    expect(() => makeTables(13, String, String)).toThrow(/2 to 12/)
    expect(makeTables(12, String, String)).toHaveLength(12)
  })
})

describe('where a person sits', () => {
  const state = { tables, seating: { ann: 't0' }, tablePicking: false }

  it('takes the facilitator’s seat first, a pick only while picking is on, and no seat at a table that is gone', () => {
    expect(seatOf(state, { bob: 't1' }, 'ann')).toBe('t0')
    expect(seatOf(state, { bob: 't1' }, 'bob')).toBeNull()
    expect(seatOf({ ...state, tablePicking: true }, { bob: 't1' }, 'bob')).toBe('t1')
    expect(seatOf({ ...state, seating: { ann: 'gone' } }, {}, 'ann')).toBeNull()
  })

  it('groups people by table, the unseated last', () => {
    const groups = peopleByTable([{ personId: 'ann' }, { personId: 'bob' }], tables, (id) => seatOf(state, {}, id))
    expect(groups.map((g) => [g.table?.id ?? null, g.people.map((p) => p.personId)])).toEqual([
      ['t0', ['ann']],
      ['t1', []],
      ['t2', []],
      [null, ['bob']],
    ])
  })
})

describe('tables after the split', () => {
  it('renames and recolours one table, refusing an empty, too long or taken name and a colour that is not #rrggbb', () => {
    expect(renameTable(tables, 't1', '  Blue table ', '#00ff00')).toEqual([tables[0], { id: 't1', name: 'Blue table', colour: '#00ff00' }, tables[2]])
    expect(renameTable(tables, 't1', '   ', '#00ff00')).toBeNull()
    expect(renameTable(tables, 't1', 'x'.repeat(MAX_TABLE_NAME + 1), '#00ff00')).toBeNull()
    expect(renameTable(tables, 't1', 'table 3', '#00ff00')).toBeNull()
    expect(renameTable(tables, 't1', 'Table 2', 'red')).toBeNull()
    expect(renameTable(tables, 't9', 'Other', '#00ff00')).toBeNull()
    // Keeping its own name is no clash.
    expect(renameTable(tables, 't1', 'Table 2', '#123abc')?.[1]).toEqual({ id: 't1', name: 'Table 2', colour: '#123abc' })
  })

  it('seats everyone again on the same tables: at random with roles balanced, or nobody (by hand, or until each picks)', () => {
    const again = planSeating('random', people, tables, seeded(7))
    expect(Object.keys(again.seating).sort()).toEqual(people.map((p) => p.personId).sort())
    expect(new Set(Object.values(again.seating))).toEqual(new Set(tables.map((t) => t.id)))
    expect(again.tablePicking).toBe(false)
    expect(planSeating('pick', people, tables, seeded(7))).toEqual({ seating: {}, tablePicking: true })
    expect(planSeating('hand', people, tables, seeded(7))).toEqual({ seating: {}, tablePicking: false })
  })
})
