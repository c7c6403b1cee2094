import { useState } from 'react'
import type { Editor } from 'tldraw'
import type * as Y from 'yjs'
import { FORMAT_KIND_LABELS, FORMAT_KINDS } from '../../../shared/src/cards'
import { PERSON_ROLE_LABELS, PERSON_ROLES } from '../../../shared/src/roles'
import type { DesignSummary } from '../../../shared/src/summary'
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

export function SummaryPanel(props: { editor: Editor; doc: Y.Doc; isFacilitator: boolean }) {
  const { editor, doc, isFacilitator } = props
  const { summary, session } = useDesignSummary(editor, doc)
  const [open, setOpen] = useState(true)
  return (
    <aside className={open ? 'tavolo-summary' : 'tavolo-summary tavolo-summary-closed'} aria-label="Design summary" data-testid="summary-panel">
      <header className="tavolo-summary-header">
        <h2>Design summary</h2>
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide' : 'Summary'}
        </button>
      </header>
      {open && (
        <div className="tavolo-summary-body">
          <section aria-label="Warnings">
            <WarningList editor={editor} warnings={summary.warnings} />
          </section>
          <Totals summary={summary} />
          <ZoneCounts summary={summary} />
          <ContributionsByRole summary={summary} />
          <FacilitationResults />
          {isFacilitator && (
            <section className="tavolo-summary-facilitator" aria-label="Facilitator settings">
              <h3>Facilitator</h3>
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

function ofTarget(total: number, target: number | null, unit: string): string {
  return target === null ? `${total} ${unit}` : `${total} ${unit} of ${target} ${unit}`
}

function Totals({ summary }: { summary: DesignSummary }) {
  const { contentHours, formatHours, examWeights } = summary
  const kinds = FORMAT_KINDS.filter((kind) => formatHours.byKind[kind] > 0)
  return (
    <section aria-label="Totals">
      <h3>Totals</h3>
      <dl className="tavolo-summary-figures">
        <Figure label="Content hours" value={ofTarget(contentHours.total, contentHours.target, 'h')} testId="summary-content-hours" />
        <Figure label="Lecture format hours" value={ofTarget(formatHours.total, formatHours.target, 'h')} testId="summary-format-hours" />
        {kinds.map((kind) => (
          <Figure key={kind} label={FORMAT_KIND_LABELS[kind]} value={`${formatHours.byKind[kind]} h`} sub />
        ))}
        <Figure label="Exam weights" value={`${examWeights.total} % of 100 %`} testId="summary-exam-weights" />
        <Figure label="Ongoing" value={`${examWeights.ongoing} %`} testId="summary-exam-ongoing" sub />
        <Figure label="Final" value={`${examWeights.final} %`} testId="summary-exam-final" sub />
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
  if (summary.zones.length === 0 && outside === 0) return null
  return (
    <section aria-label="Cards per zone">
      <h3>Cards per zone</h3>
      <ul className="tavolo-summary-list" data-testid="summary-zones">
        {summary.zones.map((zone) => (
          <li key={zone.zoneId}>
            <span>{zone.title}</span> <span>{zone.cardIds.length}</span>
          </li>
        ))}
        {outside > 0 && (
          <li>
            <span>Outside every zone</span> <span>{outside}</span>
          </li>
        )}
      </ul>
    </section>
  )
}

function ContributionsByRole({ summary }: { summary: DesignSummary }) {
  const { byRole, fromTemplate } = summary.contributions
  const rows = [
    ...PERSON_ROLES.map((role) => ({ key: role, label: PERSON_ROLE_LABELS[role], count: byRole[role] })),
    { key: 'unknown', label: 'Unknown', count: byRole.unknown },
    { key: 'template', label: 'From the template', count: fromTemplate },
  ].filter((row) => row.count.created > 0 || row.count.lastEdited > 0)
  return (
    <section aria-label="Contributions by role">
      <h3>Contributions by role</h3>
      {rows.length === 0 ? (
        <p className="tavolo-summary-muted">No cards yet.</p>
      ) : (
        <table className="tavolo-summary-table" data-testid="summary-contributions">
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Created</th>
              <th scope="col">Last edited</th>
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
      )}
    </section>
  )
}
