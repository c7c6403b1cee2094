import { PHASES, phaseInfo, type PhaseNumber } from '../../../shared/src/session/phases'
import { useBoardFacilitation } from './FacilitationContext'

// The four co's of co-production, current one highlighted, so everyone knows where the workshop
// is. The facilitator's steps are buttons; for everyone else they are plain text.

export function PhaseBar() {
  const { session, isFacilitator, writeSession } = useBoardFacilitation()
  const current = phaseInfo(session.phase)
  const goTo = (phase: PhaseNumber) => writeSession('phase', phase)
  return (
    <nav className="tavolo-phase-bar" aria-label="Workshop phases" data-testid="phase-bar" data-phase={current.number}>
      <ol>
        {PHASES.map((phase) => {
          const isCurrent = phase.number === current.number
          const label = (
            <>
              <span className="tavolo-phase-number">{phase.number}</span> {phase.label}
            </>
          )
          return (
            <li key={phase.id} className={isCurrent ? 'tavolo-phase tavolo-phase-current' : 'tavolo-phase'} aria-current={isCurrent ? 'step' : undefined}>
              {isFacilitator ? (
                <button type="button" onClick={() => goTo(phase.number)} aria-pressed={isCurrent} title={phase.description} data-testid={`phase-${phase.id}`}>
                  {label}
                </button>
              ) : (
                <span title={phase.description}>{label}</span>
              )}
            </li>
          )
        })}
      </ol>
      <p className="tavolo-phase-tagline" data-testid="phase-tagline">
        {current.tagline}
      </p>
    </nav>
  )
}
