import { Result } from '@tldraw/utils'
import { T } from '@tldraw/validate'
import type { StoredPerson } from '../doc/people'
import { ACCESS_ROLES, type AccessRole } from '../roles'
import { validateInput } from './validation'

/**
 * The `person` field of a presence state: who a connected client is, for the people list and for
 * following (viewers included). The server stamps `id`, `name` and `accessRole` from the person
 * token (server/src/relay/rules/presenceStamp.ts); `name`, `role` and `colour` are as in `people`.
 */
export interface PresencePerson extends StoredPerson {
  id: string
  accessRole: AccessRole
}

const presencePerson: T.Validator<PresencePerson> = T.object({
  id: T.string.check((id) => {
    if (id === '') throw new T.ValidationError('Expected a person id, got an empty string')
  }),
  name: T.string,
  role: T.string,
  colour: T.string,
  accessRole: T.literalEnum(...ACCESS_ROLES),
}).allowUnknownProperties()

/** A peer's `person` field, or what is wrong with it. Only the five fields are kept. */
export function decodePresencePerson(value: unknown): Result<PresencePerson, string> {
  const checked = validateInput(presencePerson, value)
  if (!checked.ok) return checked
  const { id, name, role, colour, accessRole } = checked.value
  return Result.ok({ id, name, role, colour, accessRole })
}
