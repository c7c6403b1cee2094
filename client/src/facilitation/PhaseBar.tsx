import { useTranslation } from 'react-i18next'
import { PHASES, phaseInfo, type PhaseNumber } from '../../../shared/src/session/phases'
import { useBoardFacilitation } from './FacilitationContext'

// The four co's of co-production, current one highlighted, so everyone knows where the workshop
// is. The facilitator's steps are buttons; for everyone else they are plain text.

export function PhaseBar() {
  const { session, isFacilitator, writeSession } = useBoardFacilitation()
  const { t } = useTranslation()
  const current = phaseInfo(session.phase)
  const goTo = (phase: PhaseNumber) => writeSession('phase', phase)
  return (
    <nav className="tavolo-phase-bar" aria-label={t('facilitation.phases')} data-testid="phase-bar" data-phase={current.number}>
      <ol>
        {PHASES.map((phase) => {
          const isCurrent = phase.number === current.number
          const label = (
            <>
              <span className="tavolo-phase-number">{phase.number}</span> {t(`phases.${phase.id}_label`)}
            </>
          )
          return (
            <li key={phase.id} className={isCurrent ? 'tavolo-phase tavolo-phase-current' : 'tavolo-phase'} aria-current={isCurrent ? 'step' : undefined}>
              {isFacilitator ? (
                <button type="button" onClick={() => goTo(phase.number)} aria-pressed={isCurrent} title={t(`phases.${phase.id}_description`)} data-testid={`phase-${phase.id}`}>
                  {label}
                </button>
              ) : (
                <span title={t(`phases.${phase.id}_description`)}>{label}</span>
              )}
            </li>
          )
        })}
      </ol>
      <p className="tavolo-phase-tagline" data-testid="phase-tagline">
        {t(`phases.${current.id}_tagline`)}
      </p>
    </nav>
  )
}
