import { useTranslation } from 'react-i18next'
import { isPersonRole } from '../../../shared/src/roles'

export interface PeopleListEntry {
  key: string
  personId: string
  /** The tldraw user id this person's cursor carries: what following takes. */
  userId: string
  name: string
  role: string
  colour: string
  isMe: boolean
  viewing: boolean
}

// Who is here now, with their role. Clicking someone else follows their view (Escape stops).
export function PeopleList(props: {
  people: PeopleListEntry[]
  followingId: string | null
  onFollow(userId: string): void
  onStopFollowing(): void
  onEditMe(): void
}) {
  const { t } = useTranslation()
  return (
    <ul className="people" aria-label={t('people.list')} data-testid="people-list">
      {props.people.map((p) => {
        const role = isPersonRole(p.role) ? t(`roles.${p.role}`) : p.role
        const roleLabel = p.viewing ? t('people.viewing', { role }) : role
        const following = props.followingId === p.userId
        return (
          <li key={p.key} data-testid="person" data-person-id={p.personId}>
            {p.isMe ? (
              <button type="button" className="person" onClick={props.onEditMe} title={t('people.editMeTitle')} aria-label={t('people.me', { name: p.name, role: roleLabel })}>
                <Avatar colour={p.colour} name={p.name} />
                <span className="person-name">{t('people.you', { name: p.name })}</span>
                <span className="person-role">{roleLabel}</span>
              </button>
            ) : (
              <button
                type="button"
                className={following ? 'person following' : 'person'}
                aria-pressed={following}
                onClick={() => (following ? props.onStopFollowing() : props.onFollow(p.userId))}
                title={following ? t('people.stopFollowing') : t('people.follow', { name: p.name })}
              >
                <Avatar colour={p.colour} name={p.name} />
                <span className="person-name">{p.name}</span>
                <span className="person-role">{roleLabel}</span>
              </button>
            )}
          </li>
        )
      })}
    </ul>
  )
}

function Avatar({ colour, name }: { colour: string; name: string }) {
  return (
    <span className="avatar" style={{ background: colour }} aria-hidden="true">
      {name.slice(0, 1).toUpperCase()}
    </span>
  )
}
