import { useId, useState } from 'react'
import type { TLShapeId } from 'tldraw'
import { useTranslation } from 'react-i18next'
import { CONTENT_CARD_TYPE } from '../../../shared/src/cards/content/contentCard'
import { BUDGETS_ROOT } from '../../../shared/src/doc/roots'
import { budgetTable } from '../../../shared/src/export/budgetTable'
import { cardLabel } from '../../../shared/src/export/cardLabel'
import {
  ballotLevel,
  ballotOf,
  budgetKey,
  DEFAULT_BUDGET_TARGET_HOURS,
  hoursUsed,
  MAX_BUDGET_HOURS,
  medianHours,
  storedBudgetRound,
  type BudgetRound,
} from '../../../shared/src/levels/budgets'
import { parseHours } from '../../../shared/src/cards/numberFields'
import { useBoardFacilitation } from '../facilitation/FacilitationContext'
import { useLanguage } from '../i18n/i18n'
import { randomId } from '../state/randomId'
import { ErrorText, invalidWhen } from '../ui/ErrorText'
import { RadioChoice } from '../ui/RadioChoice'
import { useLevelsRoom, useLevelsSelect } from './useLevels'

// Hour budgets: the facilitator opens a round with the target hours; each participant splits
// them across the content cards of their table (the plenary's when not seated, or when the round is
// the plenary's) with a bar of hours left, never sending a ballot over the target (the server would refuse it); results per
// card are the median and spread, overall and by role, and the facilitator applies the medians to
// the cards' hours in one undoable step.

export function BudgetSection() {
  const { isFacilitator, readOnly, session } = useBoardFacilitation()
  const { t } = useTranslation()
  const round = session.budget
  return (
    <div data-testid="budget-section" data-status={round.status}>
      {isFacilitator && <RoundControls />}
      {round.status === 'open' && !isFacilitator && !readOnly && <Ballot />}
      {round.status === 'closed' && !isFacilitator && <p className="hint">{t('levels.budgetClosed')}</p>}
      {(isFacilitator || round.status === 'closed') && <Results />}
    </div>
  )
}

const BUDGET_SCOPES: readonly BudgetRound['scope'][] = ['tables', 'plenary']

function RoundControls() {
  const { session, writeSession, doc } = useBoardFacilitation()
  const { t } = useTranslation()
  const round = session.budget
  const [target, setTarget] = useState(String(session.targets.totalHours ?? DEFAULT_BUDGET_TARGET_HOURS))
  const [scope, setScope] = useState<BudgetRound['scope']>('tables')
  const [error, setError] = useState<string | null>(null)
  const errorId = useId()
  if (round.status === 'open') {
    return (
      <button type="button" onClick={() => writeSession('budget', { ...round, status: 'closed' })} data-testid="budget-close">
        {t('levels.budgetClose')}
      </button>
    )
  }
  const open = () => {
    const hours = parseHours(target)
    const next: BudgetRound = { status: 'open', scope, targetHours: hours.ok ? hours.value : NaN, roundId: randomId() }
    // The session's own validator, checked here: refused inside the transaction, the round would
    // not open and the ballots cleared before it would stay cleared (Yjs does not roll back).
    if (!storedBudgetRound.isValid(next)) return setError(t('levels.targetInvalid', { max: MAX_BUDGET_HOURS }))
    // A new round starts with no ballots; the round is written first, so a refusal clears nothing.
    doc.transact(() => {
      writeSession('budget', next)
      doc.getMap(BUDGETS_ROOT).clear()
    })
    setError(null)
  }
  return (
    <div className="tavolo-levels-form">
      <label htmlFor="tavolo-budget-target">{t('levels.budgetTarget')}</label>
      <input
        id="tavolo-budget-target"
        value={target}
        onChange={(e) => setTarget(e.target.value)}
        inputMode="decimal"
        {...invalidWhen(error, errorId)}
        data-testid="budget-target"
      />
      <ErrorText message={error} id={errorId} />
      <RadioChoice
        legend={t('levels.budgetScope')}
        name="tavolo-budget-scope"
        testId="budget-scope"
        options={BUDGET_SCOPES}
        value={scope}
        label={(s) => t(`levels.budgetScope_${s}`)}
        onChange={setScope}
      />
      <button type="button" className="primary" onClick={open} data-testid="budget-open">
        {t('levels.budgetOpen')}
      </button>
    </div>
  )
}

function Ballot() {
  const { doc, personId, session } = useBoardFacilitation()
  const { mySeat, budgets } = useLevelsRoom()
  const { t } = useTranslation()
  // What someone is typing, by card, until it is stored; the error names the card it is about.
  const [drafts, setDrafts] = useState<Readonly<Record<string, string>>>({})
  const [error, setError] = useState<{ cardId: string; message: string } | null>(null)
  const errorId = useId()
  const target = session.budget.targetHours
  const level = ballotLevel(session.budget, mySeat)
  // Only the level's content cards as labelled: a card moving leaves the ballot alone.
  const cards = useLevelsSelect(({ shapesById, levelOf }) =>
    [...shapesById.values()].filter((s) => s.type === CONTENT_CARD_TYPE && levelOf(s.id) === level).map((card) => ({ id: card.id, label: cardLabel(card, t) })),
  )
  const ballot = ballotOf(budgets, personId)
  const noCards = level === null ? t('levels.noPlenaryCards') : t('levels.noContentCards')
  const used = hoursUsed(budgets, personId)
  const forget = (cardId: string) => setDrafts((d) => Object.fromEntries(Object.entries(d).filter(([id]) => id !== cardId)))
  const set = (cardId: string) => {
    const text = drafts[cardId]
    if (text === undefined) return
    const hours = text.trim() === '' ? { ok: true as const, value: 0 } : parseHours(text)
    // Text that is not hours stays, marked invalid, and the stored hours are kept.
    if (!hours.ok) return setError({ cardId, message: t('levels.hoursInvalid') })
    // A refused amount goes: the field shows the stored hours again.
    forget(cardId)
    if (used - (ballot[cardId] ?? 0) + hours.value > target) return setError({ cardId, message: t('levels.overTarget', { target }) })
    const key = budgetKey(cardId, personId)
    if (hours.value === 0) doc.getMap(BUDGETS_ROOT).delete(key)
    else doc.getMap(BUDGETS_ROOT).set(key, hours.value)
    setError(null)
  }
  return (
    <div className="tavolo-levels-ballot" data-testid="ballot">
      <p data-testid="hours-left">{t('levels.hoursLeft', { left: target - used, target })}</p>
      <div className="tavolo-levels-bar" role="progressbar" aria-valuemin={0} aria-valuemax={target} aria-valuenow={used} aria-label={t('levels.hoursSpent')}>
        <span style={{ width: `${target > 0 ? (100 * used) / target : 0}%` }} />
      </div>
      <ErrorText message={error?.message} id={errorId} />
      {cards.length === 0 && <p className="hint">{noCards}</p>}
      <ul>
        {cards.map((card) => (
          <li key={card.id}>
            <label>
              <span>{card.label}</span>
              <input
                type="text"
                inputMode="decimal"
                value={drafts[card.id] ?? String(ballot[card.id] ?? '')}
                onChange={(e) => setDrafts((d) => ({ ...d, [card.id]: e.target.value }))}
                onBlur={() => set(card.id)}
                {...invalidWhen(error?.cardId === card.id ? error.message : null, errorId)}
                data-testid="ballot-hours"
                data-card-id={card.id}
              />
            </label>
          </li>
        ))}
      </ul>
    </div>
  )
}

function Results() {
  const { isFacilitator, editor } = useBoardFacilitation()
  const { budgets, people } = useLevelsRoom()
  const { t } = useTranslation()
  const language = useLanguage()
  const { columns, rows } = useLevelsSelect(({ shapesById }) => budgetTable({ budgets, people, shapesById }, t, language))
  if (rows.length === 0) return <p className="hint">{t('levels.noBallots')}</p>
  const apply = () => {
    if (!editor) return
    const updates = rows
      .map((row) => row.result)
      .filter((r) => editor.getShape(r.cardId as never)?.type === CONTENT_CARD_TYPE)
      .map((r) => ({ id: r.cardId as TLShapeId, type: CONTENT_CARD_TYPE as typeof CONTENT_CARD_TYPE, props: { hours: medianHours(r) } }))
    editor.run(() => {
      editor.markHistoryStoppingPoint('apply budget medians')
      editor.updateShapes(updates)
    })
  }
  return (
    <div data-testid="budget-results">
      <p className="hint">{t('budget.intro')}</p>
      <table className="tavolo-levels-table">
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.title}>{column.title}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ result, cells: [title, ...spreads] }) => (
            <tr key={result.cardId} data-testid="budget-row" data-card-id={result.cardId}>
              <td>{title}</td>
              {spreads.map((spread, i) => (
                <td key={columns[i + 1].title} data-testid={i === 0 ? 'budget-median' : undefined}>
                  {spread}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {isFacilitator && (
        <button type="button" onClick={apply} data-testid="apply-medians">
          {t('levels.applyMedians')}
        </button>
      )}
    </div>
  )
}
