import { useTranslation } from 'react-i18next'
import { readCardMeta, TEMPLATE_AUTHOR } from '../../../../shared/src/cards'
import type { StoredPerson } from '../../../../shared/src/doc/people'
import { isPersonRole } from '../../../../shared/src/roles'

// Who created a card: the name and the role spelled out in words, so the role never depends on
// colour alone.

export function CreatorBadge(props: { meta: unknown; people: Readonly<Record<string, StoredPerson>> }) {
  const { t } = useTranslation()
  const { createdBy } = readCardMeta(props.meta)
  if (createdBy === TEMPLATE_AUTHOR) {
    return (
      <span className="tavolo-creator" data-testid="card-creator">
        <span className="tavolo-creator-name">{t('card.fromTemplate')}</span>
      </span>
    )
  }
  const person = createdBy ? props.people[createdBy] : undefined
  const role = person && isPersonRole(person.role) ? person.role : null
  return (
    <span className="tavolo-creator" data-testid="card-creator">
      <span className="tavolo-creator-name">{person?.name || t('card.unknownPerson')}</span>
      {role && (
        <span className="tavolo-role-badge" data-role={role}>
          {t(`roles.${role}`)}
        </span>
      )}
    </span>
  )
}
