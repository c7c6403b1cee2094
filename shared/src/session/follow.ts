import { isObject } from '../board/shapeLike'

// "Bring everyone here": the facilitator writes a new request id; each participant starts
// following once per request, and stays free to move away until the next one.

export interface FollowRequest {
  /** The person id of the facilitator whose view to follow. */
  facilitatorId: string
  /** New for each press of the button, so pressing it again brings back those who left. */
  requestId: string
}

/** The stored request, null when there is none, undefined when the stored value is malformed. */
export function readFollowRequest(value: unknown): FollowRequest | null | undefined {
  if (value === null) return null
  if (!isObject(value)) return undefined
  const { facilitatorId, requestId } = value
  if (typeof facilitatorId !== 'string' || !facilitatorId || typeof requestId !== 'string' || !requestId) return undefined
  return { facilitatorId, requestId }
}

/** Whether this person should start following now: a request they have not acted on, not their own. */
export function shouldStartFollowing(
  request: FollowRequest | null,
  lastHandledRequestId: string | null,
  personId: string,
): request is FollowRequest {
  return request !== null && request.requestId !== lastHandledRequestId && request.facilitatorId !== personId
}
