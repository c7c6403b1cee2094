import { Result } from '@tldraw/utils'
import { T } from '@tldraw/validate'
import { PERSON_ROLES, type AccessRole } from '../../../shared/src/roles'
import type { JoinBoardRequest, JoinBoardResponse } from '../../../shared/src/wire/api'
import { MAX_PERSON_NAME_LENGTH } from '../../../shared/src/wire/limits'
import { jsonObject, validateInput } from '../../../shared/src/wire/validation'
import type { BoardRecord, BoardStorage } from '../storage/storage'
import { newRandomId } from './ids'
import { issuePersonToken } from './personToken'

const joinBoardRequest: T.Validatable<JoinBoardRequest> = jsonObject(
  T.object({ name: T.string, role: T.literalEnum(...PERSON_ROLES) }),
)

/**
 * The `{ name, role }` body of POST /api/boards/:id/people, checked, or what is wrong with it.
 * Only the facilitator's link may join as the facilitator.
 */
export function parseJoinBoardRequest(body: unknown, accessRole: AccessRole): Result<JoinBoardRequest, string> {
  const checked = validateInput(joinBoardRequest, body)
  if (!checked.ok) return checked
  const name = checked.value.name.trim()
  if (name.length === 0 || name.length > MAX_PERSON_NAME_LENGTH) return Result.err(`"name" must have 1 to ${MAX_PERSON_NAME_LENGTH} characters`)
  // Control characters would let a name fake lines in exports and logs.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return Result.err('"name" must not contain control characters')
  if (checked.value.role === 'facilitator' && accessRole !== 'facilitator') {
    return Result.err('only the facilitator link can join as the facilitator')
  }
  return Result.ok({ name, role: checked.value.role })
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
  await storage.addPerson({ boardId: board.id, id: personId, name: request.name, role: request.role, accessRole, joinedAt: Date.now() })
  return { personId, token: issuePersonToken(serverKey, board, personId, accessRole) }
}
