import { describe, expect, it } from 'vitest'
import {
  ballotLevel,
  ballotOf,
  budgetKey,
  budgetResults,
  hoursUsed,
  isBudgetHours,
  MAX_BUDGET_HOURS,
  medianHours,
  storedBudgetRound,
} from '../../../../shared/src/levels/budgets'

const people: Record<string, { role: string }> = {
  p1: { role: 'professional' },
  p2: { role: 'professional' },
  c1: { role: 'citizen' },
  c2: { role: 'citizen' },
  s1: { role: 'student' },
}

describe('budget results', () => {
  const budgets = {
    [budgetKey('shape:a', 'p1')]: 20,
    [budgetKey('shape:a', 'p2')]: 30,
    [budgetKey('shape:b', 'p1')]: 10,
    [budgetKey('shape:a', 'c1')]: 5,
    [budgetKey('shape:b', 'c1')]: 40,
    [budgetKey('shape:b', 'c2')]: 45,
    [budgetKey('shape:a', 's1')]: 10,
  }

  it('gives each card the median and spread of everyone’s hours, a card left out of a ballot counting 0 h', () => {
    const results = budgetResults(budgets, people)
    const a = results.find((r) => r.cardId === 'shape:a')!
    // a: p1 20, p2 30, c1 5, c2 0, s1 10 → 0 5 10 20 30
    expect(a.overall).toEqual({ count: 5, median: 10, min: 0, max: 30 })
    const b = results.find((r) => r.cardId === 'shape:b')!
    // b: p1 10, p2 0, c1 40, c2 45, s1 0 → 0 0 10 40 45
    expect(b.overall).toEqual({ count: 5, median: 10, min: 0, max: 45 })
  })

  it('splits the medians by role: professionals and citizens disagree on the same cards', () => {
    const results = budgetResults(budgets, people)
    const a = results.find((r) => r.cardId === 'shape:a')!
    const b = results.find((r) => r.cardId === 'shape:b')!
    expect(a.byRole.professional.median).toBe(25)
    expect(a.byRole.citizen.median).toBe(2.5)
    expect(a.byRole.student).toEqual({ count: 1, median: 10, min: 10, max: 10 })
    expect(b.byRole.professional.median).toBe(5)
    expect(b.byRole.citizen.median).toBe(42.5)
  })

  it('rounds a median to the half hour a card’s hours take', () => {
    expect(medianHours({ cardId: 'x', overall: { count: 2, median: 12.25, min: 0, max: 0 }, byRole: {} })).toBe(12.5)
  })

  it('reads one person’s ballot and the hours it uses, ignoring entries that are not hours', () => {
    const withJunk = { ...budgets, [budgetKey('shape:c', 'p1')]: 'lots', [budgetKey('shape:d', 'p1')]: 0.3 }
    expect(ballotOf(withJunk, 'p1')).toEqual({ 'shape:a': 20, 'shape:b': 10 })
    expect(hoursUsed(withJunk, 'p1')).toBe(30)
    expect(hoursUsed(withJunk, 'nobody')).toBe(0)
  })
})

describe('a budget round’s scope', () => {
  it('splits hours over one’s own table, or the plenary’s cards in a plenary round; an older round without a scope was over the tables', () => {
    const tables = storedBudgetRound.validate({ status: 'open', targetHours: 50, roundId: 'r' })
    expect(tables.scope).toBe('tables')
    expect(ballotLevel(tables, 't1')).toBe('t1')
    expect(ballotLevel(tables, null)).toBeNull()
    const plenary = storedBudgetRound.validate({ status: 'open', scope: 'plenary', targetHours: 50, roundId: 'r' })
    expect(ballotLevel(plenary, 't1')).toBeNull()
    expect(storedBudgetRound.isValid({ status: 'open', scope: 'room', targetHours: 50, roundId: 'r' })).toBe(false)
  })

  it('takes a target up to MAX_BUDGET_HOURS, the rule the budget form checks before it opens a round', () => {
    const round = (targetHours: number) => storedBudgetRound.isValid({ status: 'open', scope: 'tables', targetHours, roundId: 'r' })
    expect(isBudgetHours(MAX_BUDGET_HOURS)).toBe(true)
    expect(round(MAX_BUDGET_HOURS)).toBe(true)
    expect(isBudgetHours(MAX_BUDGET_HOURS + 0.5)).toBe(false)
    expect(round(MAX_BUDGET_HOURS + 0.5)).toBe(false)
    expect(isBudgetHours(2.25)).toBe(false)
  })
})
