import { PanelSection } from '../ui/PanelSection'
import { useTranslation } from 'react-i18next'
import { useState } from 'react'
import type { Editor } from 'tldraw'
import type * as Y from 'yjs'
import { FORMAT_KINDS } from '../../../shared/src/cards'
import { PERSON_ROLES } from '../../../shared/src/roles'
import type { DesignSummary } from '../../../shared/src/summary'
import { zoneTitle } from '../../../shared/src/summary/zoneMembership'
import { FacilitationResults } from '../facilitation/FacilitationResults'
import { AddTemplateZones } from './AddTemplateZones'
import { AnonymousExportsToggle } from './AnonymousExportsToggle'
import { HoursTargetEditor } from './HoursTargetEditor'
import { useDesignSummary } from './useDesignSummary'
import { WarningList } from './WarningList'
import './summary.css'

// The live design summary beside the board: does the design add up, and who shaped it. Everyone
// sees the same figures (computed from the shared document); the facilitator also sets the
// hours target and adds a template's zones.

export function SummaryPanel(props: { editor: Editor; doc: Y.Doc; isFacilitator: boolean; personId: string }) {
  const { editor, doc, isFacilitator } = props
  const { t } = useTranslation()
  const { summary, session } = useDesignSummary(editor, doc, props.personId)
  const [open, setOpen] = useState(true)
  return (
    <aside className={open ? 'tavolo-summary' : 'tavolo-summary tavolo-summary-closed'} aria-label={t('summary.title')} data-testid="summary-panel">
      <header className="tavolo-summary-header">
        <h2>{t('summary.title')}</h2>
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('summary.hide') : t('summary.show')}
        </button>
      </header>
      {open && (
        <div className="tavolo-summary-body">
          <section aria-label={t('summary.warnings')}>
            <WarningList editor={editor} warnings={summary.warnings} />
          </section>
          <Totals summary={summary} />
          <ZoneCounts summary={summary} />
          <ContributionsByRole summary={summary} />
          <FacilitationResults />
          {isFacilitator && (
            <section className="tavolo-summary-facilitator" aria-label={t('summary.facilitatorSettings')}>
              <h3>{t('summary.facilitator')}</h3>
              <HoursTargetEditor doc={doc} session={session} />
              <AnonymousExportsToggle doc={doc} session={session} />
              <AddTemplateZones editor={editor} doc={doc} />
            </section>
          )}
        </div>
      )}
    </aside>
  )
}

function Totals({ summary }: { summary: DesignSummary }) {
  const { contentHours, formatHours, examWeights } = summary
  const { t } = useTranslation()
  const kinds = FORMAT_KINDS.filter((kind) => formatHours.byKind[kind] > 0)
  const hours = (total: number, target: number | null) =>
    target === null ? t('units.hours', { value: total }) : t('summary.hoursOfTarget', { total, target })
  return (
    <section aria-label={t('summary.totals')}>
      <h3>{t('summary.totals')}</h3>
      <dl className="tavolo-summary-figures">
        <Figure label={t('summary.contentHours')} value={hours(contentHours.total, contentHours.target)} testId="summary-content-hours" />
        <Figure label={t('summary.formatHours')} value={hours(formatHours.total, formatHours.target)} testId="summary-format-hours" />
        {kinds.map((kind) => (
          <Figure key={kind} label={t(`cardOptions.kind_${kind}`)} value={t('units.hours', { value: formatHours.byKind[kind] })} sub />
        ))}
        <Figure label={t('summary.examWeights')} value={t('summary.percentOf100', { value: examWeights.total })} testId="summary-exam-weights" />
        <Figure label={t('summary.ongoing')} value={t('units.percent', { value: examWeights.ongoing })} testId="summary-exam-ongoing" sub />
        <Figure label={t('summary.final')} value={t('units.percent', { value: examWeights.final })} testId="summary-exam-final" sub />
      </dl>
    </section>
  )
}

function Figure(props: { label: string; value: string; testId?: string; sub?: boolean }) {
  return (
    <div className={props.sub ? 'tavolo-summary-figure tavolo-summary-sub' : 'tavolo-summary-figure'}>
      <dt>{props.label}</dt>
      <dd data-testid={props.testId}>{props.value}</dd>
    </div>
  )
}

function ZoneCounts({ summary }: { summary: DesignSummary }) {
  const outside = summary.cardsOutsideZones.length
  const { t } = useTranslation()
  if (summary.zones.length === 0 && outside === 0) return null
  return (
    <section aria-label={t('summary.cardsPerZone')}>
      <h3>{t('summary.cardsPerZone')}</h3>
      <ul className="tavolo-summary-list" data-testid="summary-zones">
        {summary.zones.map((zone) => (
          <li key={zone.zoneId}>
            <span>{zoneTitle(zone.title, t)}</span> <span>{zone.cardIds.length}</span>
          </li>
        ))}
        {outside > 0 && (
          <li>
            <span>{t('summary.outside')}</span> <span>{outside}</span>
          </li>
        )}
      </ul>
    </section>
  )
}

function ContributionsByRole({ summary }: { summary: DesignSummary }) {
  const { byRole, fromTemplate } = summary.contributions
  const { t } = useTranslation()
  const rows = [
    ...PERSON_ROLES.map((role) => ({ key: role, label: t(`roles.${role}`), count: byRole[role] })),
    { key: 'unknown', label: t('summary.unknown'), count: byRole.unknown },
    { key: 'template', label: t('summary.fromTemplate'), count: fromTemplate },
  ].filter((row) => row.count.created > 0 || row.count.lastEdited > 0)
  return (
    <PanelSection title={t('summary.byRole')} emptyText={rows.length === 0 && t('summary.noCards')}>
      <table className="tavolo-summary-table" data-testid="summary-contributions">
        <thead>
          <tr>
            <th scope="col">{t('summary.role')}</th>
            <th scope="col">{t('summary.created')}</th>
            <th scope="col">{t('summary.lastEdited')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-role={row.key}>
              <th scope="row">{row.label}</th>
              <td>{row.count.created}</td>
              <td>{row.count.lastEdited}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </PanelSection>
  )
}
