import { isObject } from '../board/shapeLike'

// What the projector (the /present screen) shows, chosen by the facilitator: the whole board
// fitted to the wall, one zone (the one under discussion) fitted to it, or the facilitator's own
// view, followed as they move.

export type ProjectorView = { fit: 'board' } | { fit: 'facilitator' } | { fit: 'zone'; zoneId: string }

export const DEFAULT_PROJECTOR_VIEW: ProjectorView = { fit: 'board' }

/** The stored view, or undefined when it is not one. */
export function readProjectorView(value: unknown): ProjectorView | undefined {
  if (!isObject(value)) return undefined
  if ((value.fit === 'board' || value.fit === 'facilitator') && Object.keys(value).length === 1) return { fit: value.fit }
  if (value.fit === 'zone' && typeof value.zoneId === 'string' && value.zoneId !== '' && Object.keys(value).length === 2) {
    return { fit: 'zone', zoneId: value.zoneId }
  }
  return undefined
}
