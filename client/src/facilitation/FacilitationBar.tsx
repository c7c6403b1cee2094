import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PresentPerson } from '../sync/presence'
import { useBoardFacilitation } from './FacilitationContext'
import { FollowMe } from './FollowMe'
import { LockControl } from './LockControl'
import { PhaseBar } from './PhaseBar'
import { ProjectorButton } from './ProjectorButton'
import { ProjectorViewControl } from './ProjectorViewControl'
import { RatingsToggle } from './RatingsToggle'
import { VotingPanel } from './VotingPanel'
import { WorkshopTimer } from './WorkshopTimer'
import './facilitation.css'

// The strip under the top bar: where the workshop is (phase), how long is left (timer), the
// vote; and the facilitator's controls for each, shown to the facilitator only. The controls fold
// away, so on a small laptop the strip is one line of what everyone needs to see.

export function FacilitationBar(props: { boardId: string; secret: string; presentPeople: readonly PresentPerson[] }) {
  const { isFacilitator } = useBoardFacilitation()
  const { t } = useTranslation()
  const [controlsOpen, setControlsOpen] = useState(true)
  return (
    <div className="tavolo-facilitation-bar" data-testid="facilitation-bar">
      <PhaseBar />
      <WorkshopTimer />
      <VotingPanel />
      <div className="tavolo-facilitation-spacer" />
      {controlsOpen && (
        <div className="tavolo-facilitation-controls" id="tavolo-facilitation-controls">
          {isFacilitator && <RatingsToggle />}
          <LockControl />
          <FollowMe presentPeople={props.presentPeople} />
          {isFacilitator && <ProjectorViewControl />}
          {isFacilitator && <ProjectorButton boardId={props.boardId} facilitatorSecret={props.secret} />}
        </div>
      )}
      <button
        type="button"
        aria-expanded={controlsOpen}
        aria-controls={controlsOpen ? 'tavolo-facilitation-controls' : undefined}
        onClick={() => setControlsOpen(!controlsOpen)}
        data-testid="facilitation-controls-toggle"
      >
        {controlsOpen ? t('facilitation.hideControls') : t('facilitation.showControls')}
      </button>
    </div>
  )
}
