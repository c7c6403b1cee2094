import { readCardMeta, TEMPLATE_AUTHOR } from '../../../../shared/src/cards'
import type { PersonEntry } from '../../../../shared/src/doc/readBoardDoc'
import { isPersonRole, PERSON_ROLE_LABELS } from '../../../../shared/src/roles'

// Who created a card: the name and the role spelled out in words, so the role never depends on
// colour alone.

export function CreatorBadge(props: { meta: unknown; people: Readonly<Record<string, PersonEntry>> }) {
  const { createdBy } = readCardMeta(props.meta)
  if (createdBy === TEMPLATE_AUTHOR) {
    return (
      <span className="tavolo-creator" data-testid="card-creator">
        <span className="tavolo-creator-name">From the template</span>
      </span>
    )
  }
  const person = createdBy ? props.people[createdBy] : undefined
  const role = person && isPersonRole(person.role) ? person.role : null
  return (
    <span className="tavolo-creator" data-testid="card-creator">
      <span className="tavolo-creator-name">{person?.name || 'Unknown person'}</span>
      {role && (
        <span className="tavolo-role-badge" data-role={role}>
          {PERSON_ROLE_LABELS[role]}
        </span>
      )}
    </span>
  )
}
