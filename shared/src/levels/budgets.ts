import { T } from '@tldraw/validate'
import { isValidHours } from '../cards/numberFields'
import { parsePersonKey, personKey } from '../session/personKey'
import { storedId } from '../wire/validation'

// Hour budgets (docs/architecture.md, "Levels"): while a budget round is open, each person splits
// the round's target hours across content cards, one `budgets` key per card and person
// (`<card id>/<person id>` → hours, in steps of 0.5, like a card's hours), so ballots never
// overwrite each other; the server refuses a ballot whose hours add up to more than the target.

export interface BudgetRound {
  status: 'closed' | 'open'
  /** Whose cards people split hours over: their own table's (the plenary's when not seated), or the plenary's. */
  scope: 'tables' | 'plenary'
  /** The hours each person splits (the MSc template: 50). */
  targetHours: number
  /** New for each opened round; null before the first. */
  roundId: string | null
}

export const DEFAULT_BUDGET_ROUND: BudgetRound = { status: 'closed', scope: 'tables', targetHours: 0, roundId: null }
export const MAX_BUDGET_HOURS = 10_000
/** The target a new round suggests when the board sets no total hours: a typical module's (the MSc template's). */
export const DEFAULT_BUDGET_TARGET_HOURS = 50

/** Hours a round's target or a ballot entry may be: hours (steps of 0.5) up to MAX_BUDGET_HOURS. */
export function isBudgetHours(value: unknown): value is number {
  return isValidHours(value) && value <= MAX_BUDGET_HOURS
}

const budgetTargetHours = T.number.check((hours) => {
  if (!isBudgetHours(hours)) throw new T.ValidationError(`Expected 0 to ${MAX_BUDGET_HOURS} hours in steps of 0.5`)
})

/** `session.budget`: an open round has a round id and hours to split. */
export const storedBudgetRound: T.Validator<BudgetRound> = T.object({
  status: T.literalEnum('closed', 'open'),
  // A round stored without a scope predates the plenary budget: it was over the tables.
  scope: T.literalEnum('tables', 'plenary').optional(),
  targetHours: budgetTargetHours,
  roundId: storedId.nullable(),
})
  .check((round) => {
    if (round.status === 'open' && (round.targetHours === 0 || round.roundId === null)) {
      throw new T.ValidationError('Expected an open round to have a round id and more than 0 hours')
    }
  })
  .refine((round) => ({ ...round, scope: round.scope ?? 'tables' }))

/** The level whose content cards a person splits hours over in this round (null: the plenary). */
export function ballotLevel(round: BudgetRound, seat: string | null): string | null {
  return round.scope === 'plenary' ? null : seat
}

export const budgetKey = (cardId: string, personId: string): string => personKey(cardId, personId)

/** A stored ballot entry's hours, or 0 when it is not a positive number of hours. */
export function readBudgetHours(value: unknown): number {
  return isBudgetHours(value) && value > 0 ? value : 0
}

/** card id → hours of one person's ballot. */
export function ballotOf(budgets: Readonly<Record<string, unknown>>, personId: string): Record<string, number> {
  const ballot: Record<string, number> = {}
  for (const [key, value] of Object.entries(budgets)) {
    const parsed = parsePersonKey(key)
    if (parsed?.personId === personId && readBudgetHours(value) > 0) ballot[parsed.subject] = readBudgetHours(value)
  }
  return ballot
}

export function hoursUsed(budgets: Readonly<Record<string, unknown>>, personId: string): number {
  return Object.values(ballotOf(budgets, personId)).reduce((sum, hours) => sum + hours, 0)
}

export interface Spread {
  /** How many ballots (people who spent any hours) it reads. */
  count: number
  median: number
  min: number
  max: number
}

export interface CardBudget {
  cardId: string
  overall: Spread
  /** Person role → spread of that role's ballots. */
  byRole: Record<string, Spread>
}

/**
 * Per card, the median and spread of the hours people gave it, overall and by role. Every ballot
 * counts for every card: a person who gave a card nothing gave it 0 h, so a card one enthusiast
 * loves does not get their hours as its median. Cards nobody gave hours to are left out. A person
 * no longer among `people` counts under the role 'unknown'.
 */
export function budgetResults(
  budgets: Readonly<Record<string, unknown>>,
  people: Readonly<Record<string, { role: string }>>,
): CardBudget[] {
  const ballots = new Map<string, Record<string, number>>()
  const cardIds = new Set<string>()
  for (const key of Object.keys(budgets)) {
    const parsed = parsePersonKey(key)
    if (!parsed || readBudgetHours(budgets[key]) === 0) continue
    cardIds.add(parsed.subject)
    if (!ballots.has(parsed.personId)) ballots.set(parsed.personId, ballotOf(budgets, parsed.personId))
  }
  return [...cardIds].sort().map((cardId) => {
    const byRole: Record<string, number[]> = {}
    const all: number[] = []
    for (const [personId, ballot] of ballots) {
      const hours = ballot[cardId] ?? 0
      all.push(hours)
      ;(byRole[people[personId]?.role ?? 'unknown'] ??= []).push(hours)
    }
    return {
      cardId,
      overall: spreadOf(all),
      byRole: Object.fromEntries(Object.entries(byRole).map(([role, values]) => [role, spreadOf(values)])),
    }
  })
}

/** The median rounded to the nearest half hour (a card's hours go in steps of 0.5). */
export function medianHours(result: CardBudget): number {
  return Math.round(result.overall.median * 2) / 2
}

function spreadOf(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const median = sorted.length === 0 ? 0 : sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  return { count: sorted.length, median, min: sorted[0] ?? 0, max: sorted[sorted.length - 1] ?? 0 }
}
