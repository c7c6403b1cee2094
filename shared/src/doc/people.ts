import { T } from '@tldraw/validate'
import { isObject } from '../board/shapeLike'
import { PERSON_ROLES } from '../roles'

// The `people` root: person id → who they are on this board, kept after they leave so cards stay
// attributed. Each person writes only their own key (shared/src/rules/ownKeysRule.ts).

/** A `people` value as readers see it: strings, '' where an older or buggy client left one out. */
export interface StoredPerson {
  name: string
  role: string
  colour: string
}

const MAX_PERSON_TEXT = 200
const personText = T.string.check((value) => {
  if (value.length === 0 || value.length > MAX_PERSON_TEXT) throw new T.ValidationError(`Expected 1 to ${MAX_PERSON_TEXT} characters`)
})

/** What a person may write into their own `people` key: a name, a person role and a colour. */
export const storedPersonWrite = T.object({ name: personText, role: T.literalEnum(...PERSON_ROLES), colour: personText })

/** The `people` map's plain entries, each reduced to name, role and colour strings. */
export function readPeople(entries: Record<string, unknown>): Record<string, StoredPerson> {
  const people: Record<string, StoredPerson> = {}
  for (const [id, value] of Object.entries(entries)) {
    if (!isObject(value)) continue
    people[id] = { name: stringOrEmpty(value.name), role: stringOrEmpty(value.role), colour: stringOrEmpty(value.colour) }
  }
  return people
}

/** Those who take part, each with their id: everyone but the facilitator (who is seated nowhere and casts no ballot). */
export function participantsOf(people: Readonly<Record<string, StoredPerson>>): (StoredPerson & { personId: string })[] {
  return Object.entries(people)
    .filter(([, person]) => person.role !== 'facilitator')
    .map(([personId, person]) => ({ personId, ...person }))
}

function stringOrEmpty(value: unknown): string {
  return typeof value === 'string' ? value : ''
}
