import { readCardMeta, TEMPLATE_AUTHOR } from '../cards/cardMeta'
import { isObject, type ShapeLike } from '../board/shapeLike'
import { isPersonRole, PERSON_ROLES, type PersonRole } from '../roles'

// Who shaped the design: the co-production balance between professionals, citizens and
// students. Cards by people missing from `people`, or with a role this version does not know,
// count as `unknown` rather than disappearing.

export type ContributorRole = PersonRole | 'unknown'

export interface ContributionCount {
  created: number
  lastEdited: number
}

export interface PersonContribution extends ContributionCount {
  personId: string
  name: string
  role: ContributorRole
}

export interface Contributions {
  byRole: Record<ContributorRole, ContributionCount>
  /** People with at least one card created or last edited, most cards created first. */
  byPerson: PersonContribution[]
  /** Cards still as a template seeded them (created / last edited by the template). */
  fromTemplate: ContributionCount
}

export function computeContributions(cards: readonly ShapeLike[], people: Readonly<Record<string, unknown>>): Contributions {
  const byRole = Object.fromEntries(
    [...PERSON_ROLES, 'unknown' as const].map((role) => [role, { created: 0, lastEdited: 0 }]),
  ) as Record<ContributorRole, ContributionCount>
  const byPerson = new Map<string, PersonContribution>()
  const fromTemplate: ContributionCount = { created: 0, lastEdited: 0 }

  const count = (personId: string | null, field: keyof ContributionCount) => {
    if (personId === TEMPLATE_AUTHOR) return void fromTemplate[field]++
    const person = personOf(personId ?? '', people)
    byRole[person.role][field]++
    if (personId === null) return
    const entry = byPerson.get(personId) ?? { personId, ...person, created: 0, lastEdited: 0 }
    entry[field]++
    byPerson.set(personId, entry)
  }

  for (const card of cards) {
    const meta = readCardMeta(card.meta)
    count(meta.createdBy, 'created')
    count(meta.lastEditedBy ?? meta.createdBy, 'lastEdited')
  }
  return {
    byRole,
    byPerson: [...byPerson.values()].sort((a, b) => b.created - a.created || a.name.localeCompare(b.name)),
    fromTemplate,
  }
}

function personOf(personId: string, people: Readonly<Record<string, unknown>>): { name: string; role: ContributorRole } {
  const entry = Object.hasOwn(people, personId) ? people[personId] : undefined
  if (!isObject(entry)) return { name: 'Unknown person', role: 'unknown' }
  return {
    name: typeof entry.name === 'string' && entry.name.trim() !== '' ? entry.name : 'Unknown person',
    role: isPersonRole(entry.role) ? entry.role : 'unknown',
  }
}
