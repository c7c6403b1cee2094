import type { TFunction } from 'i18next'
import type { ShapeLike } from '../board/shapeLike'
import { formatNumber } from '../i18n'
import { budgetResults, type CardBudget, type Spread } from '../levels/budgets'
import { PARTICIPANT_ROLES } from '../roles'
import { cardLabel } from './cardLabel'
import type { OutlineColumn } from './outline'

// The hour-budget results as a table, for the levels panel and the programme export alike, so the
// two show the same columns, card names and numbers written the reader's way ("2,5" in Italian).

export interface BudgetTableRow {
  result: CardBudget
  /** One text per column. */
  cells: string[]
}

export interface BudgetTable {
  columns: OutlineColumn[]
  rows: BudgetTableRow[]
}

export function budgetTable(
  input: {
    budgets: Readonly<Record<string, unknown>>
    people: Readonly<Record<string, { role: string }>>
    shapesById: ReadonlyMap<string, ShapeLike>
  },
  t: TFunction,
  language: string,
): BudgetTable {
  const n = (value: number) => formatNumber(language, value)
  const spread = (s: Spread | undefined) => (s ? `${n(s.median)} (${n(s.min)}–${n(s.max)})` : '–')
  const titleOf = (cardId: string) => {
    const card = input.shapesById.get(cardId)
    return card ? cardLabel(card, t) : t('common.deletedCard')
  }
  return {
    columns: [
      { title: t('common.content'), align: 'left' },
      { title: t('budget.everyone'), align: 'right' },
      ...PARTICIPANT_ROLES.map((role) => ({ title: t(`roles.${role}`), align: 'right' as const })),
    ],
    rows: budgetResults(input.budgets, input.people).map((result) => ({
      result,
      cells: [titleOf(result.cardId), spread(result.overall), ...PARTICIPANT_ROLES.map((role) => spread(result.byRole[role]))],
    })),
  }
}
