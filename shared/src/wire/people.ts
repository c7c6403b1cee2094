import { T } from '@tldraw/validate'
import { PERSON_ROLES, type PersonRole } from '../roles'
import { MAX_PERSON_NAME_LENGTH } from './limits'

// POST /api/boards/:id/people: a person joins a board through a link and gets a server-made id
// and a token that proves it on the websocket (`?p=<token>`).

// Control characters would let a name fake lines in exports and logs.
const personName = T.string.check((value) => {
  const trimmed = value.trim()
  if (trimmed.length === 0 || trimmed.length > MAX_PERSON_NAME_LENGTH) {
    throw new T.ValidationError(`must have 1 to ${MAX_PERSON_NAME_LENGTH} characters`)
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new T.ValidationError('must not contain control characters')
})

export interface JoinBoardRequest {
  name: string
  role: PersonRole
}

export const joinBoardRequestValidator: T.Validator<JoinBoardRequest> = T.object({
  name: personName,
  role: T.literalEnum(...PERSON_ROLES),
})

export interface JoinBoardResponse {
  personId: string
  token: string
}
