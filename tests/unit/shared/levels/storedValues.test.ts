import { describe, expect, it } from 'vitest'
import type { T } from '@tldraw/validate'
import { storedAdoptedFrom, readAdoptedFrom } from '../../../../shared/src/levels/adoption'
import { MAX_BUDGET_HOURS, storedBudgetRound } from '../../../../shared/src/levels/budgets'
import { storedComparisonLinks } from '../../../../shared/src/levels/comparisonLinks'
import { storedDraftingRound } from '../../../../shared/src/levels/drafting'
import { makeTables, MAX_TABLE_NAME, MAX_TABLES, storedSeating, storedTables } from '../../../../shared/src/levels/tables'
import { readSessionValue, sessionWriteProblem } from '../../../../shared/src/session/sessionState'
import { MAX_ID_LENGTH, validateInput } from '../../../../shared/src/wire/validation'

// Each levels value of the board document has one validator, which the readers, the UI's writers
// and the relay's session rule all use: these are its limits.

const problem = (validator: T.Validatable<unknown>, value: unknown): string | null => {
  const read = validateInput(validator, value)
  return read.ok ? null : read.error
}
const tables = makeTables(3, (i) => `t${i}`, (i) => `Table ${i + 1}`)
const longId = 'x'.repeat(MAX_ID_LENGTH + 1)

describe('session.tables', () => {
  it('takes no tables or 2 to 12, each with an id, a trimmed name of at most 40 characters and a #rrggbb colour, each id and name once', () => {
    expect(problem(storedTables, [])).toBeNull()
    expect(problem(storedTables, tables)).toBeNull()
    expect(problem(storedTables, makeTables(MAX_TABLES, (i) => `t${i}`, (i) => `T${i}`))).toBeNull()
    expect(problem(storedTables, [tables[0]])).toMatch(/no tables or 2 to 12, got 1/)
    expect(problem(storedTables, [...tables, ...makeTables(10, (i) => `u${i}`, (i) => `U${i}`)])).toMatch(/got 13/)
    const withTable = (change: object) => [{ ...tables[0], ...change }, ...tables.slice(1)]
    expect(problem(storedTables, withTable({ name: 'x'.repeat(MAX_TABLE_NAME) }))).toBeNull()
    expect(problem(storedTables, withTable({ name: 'x'.repeat(10_000) }))).toMatch(/^"0\.name": .*1 to 40 characters, got 10000/)
    expect(problem(storedTables, withTable({ name: '' }))).toMatch(/"0\.name"/)
    expect(problem(storedTables, withTable({ name: ' Table 1' }))).toMatch(/trimmed/)
    expect(problem(storedTables, withTable({ name: 'table 2' }))).toMatch(/each table name once/)
    expect(problem(storedTables, withTable({ colour: 'javascript:alert(1)' }))).toMatch(/^"0\.colour": .*#rrggbb/)
    expect(problem(storedTables, withTable({ colour: 'red' }))).toMatch(/#rrggbb/)
    expect(problem(storedTables, withTable({ id: 't1' }))).toMatch(/each table id once/)
    expect(problem(storedTables, withTable({ id: 'a/b' }))).toMatch(/without "\/"/)
    expect(problem(storedTables, withTable({ id: longId }))).toMatch(/1 to 64 characters/)
    expect(problem(storedTables, withTable({ extra: 1 }))).toMatch(/extra/)
  })

  it('seats people (by id) at table ids', () => {
    expect(problem(storedSeating, { ann: 't0', bob: 't1' })).toBeNull()
    expect(problem(storedSeating, { ann: 't0/x' })).toMatch(/"ann"/)
    expect(problem(storedSeating, { [longId]: 't0' })).not.toBeNull()
    expect(problem(storedSeating, [['ann', 't0']])).toMatch(/array/)
  })
})

describe('session.budget', () => {
  it(`takes a target of 0 to ${MAX_BUDGET_HOURS} hours in steps of 0.5, more than 0 and with a round id while open`, () => {
    const open = { status: 'open', scope: 'tables', targetHours: 50, roundId: 'b1' }
    expect(problem(storedBudgetRound, open)).toBeNull()
    expect(problem(storedBudgetRound, { ...open, targetHours: MAX_BUDGET_HOURS })).toBeNull()
    expect(problem(storedBudgetRound, { ...open, targetHours: MAX_BUDGET_HOURS + 0.5 })).toMatch(/"targetHours": .*10000 hours/)
    expect(problem(storedBudgetRound, { ...open, targetHours: 2.25 })).toMatch(/steps of 0.5/)
    expect(problem(storedBudgetRound, { ...open, targetHours: 0 })).toMatch(/more than 0 hours/)
    expect(problem(storedBudgetRound, { ...open, roundId: null })).toMatch(/round id/)
    expect(problem(storedBudgetRound, { status: 'closed', scope: 'tables', targetHours: 0, roundId: null })).toBeNull()
    expect(problem(storedBudgetRound, { ...open, status: 'revealed' })).toMatch(/"status"/)
  })
})

describe('session.drafting', () => {
  it('takes the board, a zone or a phase (1 to 4) as scope, and a round id while open', () => {
    const open = { status: 'open', scope: { kind: 'board' }, anonymous: false, roundId: 'd1' }
    expect(problem(storedDraftingRound, open)).toBeNull()
    expect(problem(storedDraftingRound, { ...open, scope: { kind: 'zone', zoneId: 'shape:z' } })).toBeNull()
    expect(problem(storedDraftingRound, { ...open, scope: { kind: 'phase', phase: 4 } })).toBeNull()
    expect(problem(storedDraftingRound, { ...open, scope: { kind: 'phase', phase: 5 } })).toMatch(/"scope.*phase": expected a phase from 1 to 4, got 5/)
    expect(problem(storedDraftingRound, { ...open, scope: { kind: 'zone', zoneId: longId } })).toMatch(/"scope.*zoneId": expected an id/)
    expect(problem(storedDraftingRound, { ...open, scope: { kind: 'table' } })).toMatch(/scope/)
    expect(problem(storedDraftingRound, { ...open, roundId: null })).toMatch(/round id/)
    expect(problem(storedDraftingRound, { ...open, anonymous: 'yes' })).toMatch(/"anonymous"/)
  })
})

describe('session.comparisonLinks', () => {
  it('takes groups of two or more card ids, each card in one group', () => {
    expect(problem(storedComparisonLinks, [['shape:a', 'shape:b'], ['shape:c', 'shape:d', 'shape:e']])).toBeNull()
    expect(problem(storedComparisonLinks, [['shape:a']])).toMatch(/length greater than 1/)
    expect(problem(storedComparisonLinks, [['shape:a', 'shape:b'], ['shape:b', 'shape:c']])).toMatch(/each linked card once/)
    expect(problem(storedComparisonLinks, [['shape:a', longId]])).toMatch(/"0\.1"/)
  })
})

describe('meta.adoptedFrom', () => {
  const from = { tableId: 't1', cardId: 'shape:a', authors: ['ann'], roles: { ann: 'citizen' }, hoursByRole: { citizen: 12.25 } }

  it('takes what adoptCard writes; a damaged one reads as no provenance', () => {
    expect(problem(storedAdoptedFrom, from)).toBeNull()
    expect(problem(storedAdoptedFrom, { ...from, roles: { ann: '' }, hoursByRole: undefined })).toBeNull()
    expect(problem(storedAdoptedFrom, { ...from, tableId: 'x'.repeat(10_000) })).toMatch(/"tableId"/)
    expect(problem(storedAdoptedFrom, { ...from, hoursByRole: { citizen: MAX_BUDGET_HOURS + 1 } })).toMatch(/"hoursByRole\.citizen"/)
    expect(problem(storedAdoptedFrom, { ...from, authors: [7] })).toMatch(/"authors\.0"/)
    expect(readAdoptedFrom({ adoptedFrom: from })).toEqual(from)
    expect(readAdoptedFrom({ adoptedFrom: { ...from, cardId: 7 } })).toBeNull()
  })
})

describe('the session as the relay judges it', () => {
  it('refuses a write that does not read back as written, saying why; reads an unusable stored value as the default', () => {
    const named = [{ ...tables[0], name: 'x'.repeat(10_000) }, ...tables.slice(1)]
    expect(sessionWriteProblem('tables', named)).toMatch(/"0\.name"/)
    expect(sessionWriteProblem('tables', tables)).toBeNull()
    // An older round without a scope reads as the tables', but is not written so.
    expect(sessionWriteProblem('budget', { status: 'open', targetHours: 5, roundId: 'b1' })).toBe('does not read back as written')
    expect(sessionWriteProblem('tables', undefined)).toBeNull()
    expect(sessionWriteProblem('rules', [{ anything: true }])).toMatch(/^"0": /)
    expect(readSessionValue({ tables: named }, 'tables')).toEqual([])
    expect(readSessionValue({ budget: { status: 'open', targetHours: 5, roundId: 'b1' } }, 'budget').scope).toBe('tables')
  })
})
