import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { createShapeId, type TLShape } from 'tldraw'
import { CONTENT_CARD_TYPE } from '../../../shared/src/cards/content/contentCard'
import { ZONE_TYPE } from '../../../shared/src/cards/zone/zone'
import { adoptCard } from '../../../shared/src/levels/adoption'
import { budgetResults } from '../../../shared/src/levels/budgets'
import { compareTables, summaryOfLevel } from '../../../shared/src/levels/comparison'
import { growZone } from '../cards/growZone'
import { useBoardFacilitation } from '../facilitation/FacilitationContext'
import { useLanguage } from '../i18n/i18n'
import { LevelTotals } from './LevelTotals'
import { useLevels } from './useLevels'

// The plenary: the tables side by side (one column each with its totals, rows lining up the same
// contents), the plenary's own totals, and, for the facilitator, "Adopt" on each table's card,
// which copies it into the plenary's zone with its provenance.

export function CompareSection() {
  const { isFacilitator, personId, writeSession } = useBoardFacilitation()
  const [linking, setLinking] = useState<string[]>([])
  const levels = useLevels()
  const { t } = useTranslation()
  const language = useLanguage()
  const { editor, shapes, people, tables, plainSession, session, budgets } = levels
  if (tables.length === 0) return <p className="hint">{t('levels.noTables')}</p>
  const input = { records: shapes, people, session: plainSession }
  const comparison = compareTables(input, tables, session.comparisonLinks, language)
  const adopt = (cardId: string, tableId: string) => {
    if (!editor) return
    const card = editor.getShape(cardId as never)
    const zone = shapes.find(
      (s): s is TLShape<typeof ZONE_TYPE> =>
        s.type === ZONE_TYPE && levels.levelOf(s.id) === null && (s.props as { accepts: string[] }).accepts.includes(CONTENT_CARD_TYPE),
    )
    if (!card || !zone) return
    const result = budgetResults(budgets, (id) => people[id]?.role ?? 'unknown').find((r) => r.cardId === cardId)
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
  }
  return (
    <div data-testid="compare-section">
      <h4>{t('levels.plenary')}</h4>
      <div data-testid="plenary-totals">
        <LevelTotals summary={summaryOfLevel(input, null, language)} />
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
              <tr key={i} data-testid="comparison-row" data-tables={row.tableCount}>
                {comparison.columns.map(({ table }) => (
                  <td key={table.id}>
                    {(row.cells[table.id] ?? []).map((cell) => (
                      <div key={cell.cardId}>
                        {isFacilitator && (
                          <input
                            type="checkbox"
                            checked={linking.includes(cell.cardId)}
                            onChange={(e) => setLinking(e.target.checked ? [...linking, cell.cardId] : linking.filter((id) => id !== cell.cardId))}
                            aria-label={t('levels.selectToLink', { title: cell.title })}
                            data-testid="link-select"
                          />
                        )}
                        {cell.title || t('levels.untitledCard')} · {t('units.hours', { value: cell.hours })}
                        {isFacilitator && (
                          <button type="button" onClick={() => adopt(cell.cardId, table.id)} data-testid="adopt" aria-label={t('levels.adoptCard', { title: cell.title })}>
                            {t('levels.adopt')}
                          </button>
                        )}
                      </div>
                    ))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {isFacilitator && (
        <div className="tavolo-levels-form">
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
