import { T } from '@tldraw/validate'
import { storedId } from '../wire/validation'

// What the projector (the /present screen) shows, chosen by the facilitator: the whole board
// fitted to the wall, one zone (the one under discussion) fitted to it, or the facilitator's own
// view, followed as they move.

export type ProjectorView = { fit: 'board' } | { fit: 'facilitator' } | { fit: 'zone'; zoneId: string }

export const DEFAULT_PROJECTOR_VIEW: ProjectorView = { fit: 'board' }

/** `session.projectorView`. */
export const storedProjectorView: T.Validator<ProjectorView> = T.union('fit', {
  board: T.object({ fit: T.literal('board') }),
  facilitator: T.object({ fit: T.literal('facilitator') }),
  zone: T.object({ fit: T.literal('zone'), zoneId: storedId }),
})
