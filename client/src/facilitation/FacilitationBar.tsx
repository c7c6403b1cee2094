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
// vote; and the facilitator's controls for each, shown to the facilitator only.

export function FacilitationBar(props: { boardId: string; secret: string; presentPeople: readonly PresentPerson[] }) {
  const { isFacilitator } = useBoardFacilitation()
  return (
    <div className="tavolo-facilitation-bar" data-testid="facilitation-bar">
      <PhaseBar />
      <WorkshopTimer />
      <VotingPanel />
      {isFacilitator && <RatingsToggle />}
      <div className="tavolo-facilitation-spacer" />
      <LockControl />
      <FollowMe presentPeople={props.presentPeople} />
      {isFacilitator && <ProjectorViewControl />}
      {isFacilitator && <ProjectorButton boardId={props.boardId} facilitatorSecret={props.secret} />}
    </div>
  )
}
