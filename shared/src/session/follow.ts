import { T } from '@tldraw/validate'
import { storedTableId } from '../levels/tables'
import { storedId } from '../wire/validation'

// "Bring everyone here" and "bring this table here": the facilitator writes a new request id (with
// a table id to bring only the people seated there); each participant it is for starts following
// once per request, and stays free to move away until the next one.

export interface FollowRequest {
  /** The person id of the facilitator whose view to follow. */
  facilitatorId: string
  /** New for each press of the button, so pressing it again brings back those who left. */
  requestId: string
  /** Only the people seated at this table follow; absent: everyone. */
  tableId?: string
}

/** `session.follow`: the latest request, or null before the first. */
export const storedFollowRequest: T.Validator<FollowRequest | null> = T.object({
  facilitatorId: storedId,
  requestId: storedId,
  tableId: storedTableId.optional(),
}).nullable()

/**
 * What this person does with the stored request: nothing ('none': no new request, or their own),
 * note it as handled without moving ('pass': it brings another table, so a later seat there does
 * not pull them to an old place), or start following ('follow').
 */
export function followAction(
  request: FollowRequest | null,
  lastHandledRequestId: string | null,
  personId: string,
  seat: string | null,
): 'none' | 'pass' | 'follow' {
  if (request === null || request.requestId === lastHandledRequestId || request.facilitatorId === personId) return 'none'
  return request.tableId === undefined || request.tableId === seat ? 'follow' : 'pass'
}
