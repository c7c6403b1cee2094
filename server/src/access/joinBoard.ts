import type { JoinBoardRequest, JoinBoardResponse } from '../../../shared/src/wire/people'
import type { AccessRole } from '../../../shared/src/roles'
import type { BoardRecord, BoardStorage } from '../storage/storage'
import { newRandomId } from './ids'
import { issuePersonToken } from './personToken'

/** Only the facilitator's link may join as the facilitator; true when `request` respects that. */
export function mayTakePersonRole(accessRole: AccessRole, request: JoinBoardRequest): boolean {
  return request.role !== 'facilitator' || accessRole === 'facilitator'
}

/** Records a new person on the board (the server makes the id) and issues their token. */
export async function joinBoard(
  storage: BoardStorage,
  serverKey: Buffer,
  board: BoardRecord,
  accessRole: AccessRole,
  request: JoinBoardRequest,
): Promise<JoinBoardResponse> {
  const personId = newRandomId()
  await storage.addPerson({
    boardId: board.id,
    id: personId,
    name: request.name.trim(),
    role: request.role,
    accessRole,
    joinedAt: Date.now(),
  })
  return { personId, token: issuePersonToken(serverKey, board, personId, accessRole) }
}
