import { useTranslation } from 'react-i18next'
import { ratingsAreOpen } from '../../../shared/src/session/phases'
import { useBoardFacilitation } from './FacilitationContext'

// The facilitator opens or closes the ratings in any phase (phase 4 only suggests them). The label
// says what a press does, so it carries no aria-pressed too ("Close ratings, pressed" reads as nonsense).

export function RatingsToggle() {
  const { session, writeSession } = useBoardFacilitation()
  const { t } = useTranslation()
  const open = ratingsAreOpen(session)
  return (
    <button type="button" onClick={() => writeSession('ratingsOpen', !open)} data-testid="ratings-toggle">
      {open ? t('ratings.close') : t('ratings.open')}
    </button>
  )
}
