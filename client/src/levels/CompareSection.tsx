import { Fragment, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { createShapeId } from 'tldraw'
import { adoptCard, plenaryZoneFor } from '../../../shared/src/levels/adoption'
import { budgetResults } from '../../../shared/src/levels/budgets'
import { cardLabel } from '../../../shared/src/export/cardLabel'
import { COMPARED_VALUE, compareTables, summaryOfLevel } from '../../../shared/src/levels/comparison'
import { growZone } from '../cards/growZone'
import { useBoardFacilitation } from '../facilitation/FacilitationContext'
import { cardTypeName } from '../i18n/cardText'
import { useLanguage } from '../i18n/i18n'
import { ErrorText } from '../ui/ErrorText'
import { LevelTotals } from './LevelTotals'
import { useLatestLevels, useLevelsRoom, useLevelsSelect } from './useLevels'

// The plenary: the tables side by side (one column each with its totals, rows lining up the same
// contents, lecture formats and exams), the plenary's own totals, and "Adopt" on each table's card
// (the facilitator's, or everyone's when the facilitator allows it), which copies it into the
// plenary's zone for its type with its provenance.

export function CompareSection() {
  const { isFacilitator, readOnly, personId, writeSession } = useBoardFacilitation()
  const [linking, setLinking] = useState<string[]>([])
  const [error, setError] = useState<string | null>(null)
  const { editor, people, tables, plainSession, session, budgets } = useLevelsRoom()
  const latestLevels = useLatestLevels()
  const { t } = useTranslation()
  const language = useLanguage()
  // What the section shows of the shapes, labels included: a card moving that changes none of it re-renders nothing.
  const shown = useLevelsSelect(({ shapes, shapesById }) => {
    if (tables.length === 0) return null
    const input = { records: shapes, people, session: plainSession }
    const comparison = compareTables(input, tables, session.comparisonLinks, language)
    const cells = comparison.rows.flatMap((row) => Object.values(row.cells).flat())
    const labels = Object.fromEntries(
      cells.map((cell) => {
        const card = shapesById.get(cell.cardId)
        return [cell.cardId, card ? cardLabel(card, t) : cell.title]
      }),
    )
    return { comparison, labels, plenary: summaryOfLevel(input, null, language) }
  })
  if (!shown) return <p className="hint">{t('levels.noTables')}</p>
  const { comparison, labels, plenary } = shown
  // The server refuses a participant's plenary write unless the facilitator allows it (tableEditingRule.ts).
  const canAdopt = isFacilitator || (session.participantsAdopt && !readOnly)
  const adopt = (cardId: string, tableId: string) => {
    if (!editor) return
    const { shapes } = latestLevels()
    const card = editor.getShape(cardId as never)
    if (!card) return setError(t('common.deletedCard'))
    const zone = plenaryZoneFor(shapes, card.type)
    if (!zone) return setError(t('levels.noPlenaryZone', { type: cardTypeName(t, card.type) }))
    const result = budgetResults(budgets, people).find((r) => r.cardId === cardId)
    const hoursByRole = result ? Object.fromEntries(Object.entries(result.byRole).map(([role, s]) => [role, s.median])) : undefined
    const adopted = adoptCard({
      card,
      tableId,
      zone,
      records: shapes,
      roleOf: (id) => people[id]?.role ?? 'unknown',
      hoursByRole,
      personId,
      at: Date.now(),
      newId: createShapeId,
    })
    editor.run(() => {
      editor.markHistoryStoppingPoint('adopt card')
      editor.createShape(adopted.card)
      growZone(editor, zone, adopted.zoneHeight)
    })
    setError(null)
  }
  return (
    <div data-testid="compare-section">
      <h4>{t('levels.plenary')}</h4>
      <div data-testid="plenary-totals">
        <LevelTotals summary={plenary} />
      </div>
      <div className="tavolo-levels-scroll">
        <table className="tavolo-levels-table" data-testid="comparison">
          <thead>
            <tr>
              {comparison.columns.map(({ table, summary }) => (
                <th key={table.id} data-testid="comparison-column">
                  <span className="tavolo-levels-swatch" style={{ background: table.colour }} aria-hidden="true" />
                  {table.name}
                  <br />
                  <span className="hint" data-testid="column-hours">
                    {t('levels.columnTotals', { content: summary.contentHours.total, format: summary.formatHours.total, exams: summary.examWeights.total })}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {comparison.rows.map((row, i) => (
              <Fragment key={i}>
                {row.cardType !== comparison.rows[i - 1]?.cardType && (
                  <tr>
                    <th colSpan={comparison.columns.length} scope="colgroup">
                      {cardTypeName(t, row.cardType)}
                    </th>
                  </tr>
                )}
                <tr data-testid="comparison-row" data-tables={row.tableCount} data-card-type={row.cardType}>
                  {comparison.columns.map(({ table }) => (
                    <td key={table.id}>
                      {(row.cells[table.id] ?? []).map((cell) => {
                        const label = labels[cell.cardId]
                        return (
                          <div key={cell.cardId}>
                            {isFacilitator && (
                              <input
                                type="checkbox"
                                checked={linking.includes(cell.cardId)}
                                onChange={(e) => setLinking(e.target.checked ? [...linking, cell.cardId] : linking.filter((id) => id !== cell.cardId))}
                                aria-label={t('levels.selectToLink', { title: label })}
                                data-testid="link-select"
                              />
                            )}
                            {label} · {COMPARED_VALUE[row.cardType].unit === '%' ? t('units.percent', { value: cell.value }) : t('units.hours', { value: cell.value })}
                            {canAdopt && (
                              <button type="button" onClick={() => adopt(cell.cardId, table.id)} data-testid="adopt" aria-label={t('levels.adoptCard', { title: label })}>
                                {t('levels.adopt')}
                              </button>
                            )}
                          </div>
                        )
                      })}
                    </td>
                  ))}
                </tr>
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      <ErrorText message={error} />
      {isFacilitator && (
        <div className="tavolo-levels-form">
          <label className="radio">
            <input type="checkbox" checked={session.participantsAdopt} onChange={(e) => writeSession('participantsAdopt', e.target.checked)} data-testid="participants-adopt" />
            {t('levels.participantsAdopt')}
          </label>
          <p className="hint">{t('levels.linkHint')}</p>
          <button
            type="button"
            disabled={linking.length < 2}
            onClick={() => {
              writeSession('comparisonLinks', [...session.comparisonLinks.map((g) => g.filter((id) => !linking.includes(id))).filter((g) => g.length > 1), linking])
              setLinking([])
            }}
            data-testid="link-cards"
          >
            {t('levels.linkCards')}
          </button>
          {session.comparisonLinks.length > 0 && (
            <button type="button" onClick={() => writeSession('comparisonLinks', [])}>
              {t('levels.unlinkAll')}
            </button>
          )}
        </div>
      )}
    </div>
  )
}

