import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isPersonRole } from '../../../shared/src/roles'
import type { PresentPerson } from '../sync/presence'
import { useSeatOf } from '../levels/useSeatOf'
import { listenOnWindow } from '../ui/listenOnWindow'

/** Avatars shown in the top bar before the rest fold into "+N". */
const SHOWN = 4

// Who is here now, as a compact row of avatars that opens the list: name, role, table, and a
// Follow button for each other person (Escape stops following). The top bar stays one line
// however many people join.
export function PeopleList(props: {
  people: PresentPerson[]
  followingId: string | null
  onFollow(userId: string): void
  onStopFollowing(): void
  onEditMe(): void
}) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const tableOf = useSeatOf()
  // Grouped by table, in the tables' order, the unseated last; each person's table is found once.
  const listed = props.people
    .map((present) => ({ present, table: tableOf(present.person.id) }))
    .sort((a, b) => (a.table?.order ?? Infinity) - (b.table?.order ?? Infinity))
  const listId = useId()
  const root = useRef<HTMLDivElement>(null)
  const toggle = useRef<HTMLButtonElement>(null)
  const shown = props.people.slice(0, SHOWN)
  const more = props.people.length - shown.length

  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      setOpen(false)
      toggle.current?.focus()
    }
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false)
    }
    return listenOnWindow({ keydown: onKey, pointerdown: onPointer })
  }, [open])

  return (
    <div className="people" ref={root}>
      <button
        type="button"
        ref={toggle}
        className="people-toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
        data-testid="people-toggle"
      >
        <span className="people-avatars" aria-hidden="true">
          {shown.map((p) => (
            <Avatar key={p.clientId} colour={p.person.colour} name={p.person.name} />
          ))}
          {more > 0 && <span className="people-more">+{more}</span>}
        </span>
        <span className="tavolo-visually-hidden">{t('people.open', { count: props.people.length })}</span>
      </button>
      {open && (
        <div className="people-popover" id={listId} role="dialog" aria-label={t('people.listLabel')}>
          <ul data-testid="people-list">
            {listed.map(({ present: p, table }) => (
              <PersonRow
                key={p.clientId}
                present={p}
                table={table?.name}
                following={props.followingId === p.userId}
                onFollow={props.onFollow}
                onStopFollowing={props.onStopFollowing}
                onEditMe={() => {
                  setOpen(false)
                  props.onEditMe()
                }}
              />
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}

function PersonRow(props: {
  present: PresentPerson
  table?: string
  following: boolean
  onFollow(userId: string): void
  onStopFollowing(): void
  onEditMe(): void
}) {
  const { t } = useTranslation()
  const { present, following } = props
  const { person: p, isSelf } = present
  const viewing = p.accessRole === 'viewer'
  const role = (isPersonRole(p.role) ? t(`roles.${p.role}`) : p.role) + (viewing ? ` · ${t('people.viewing')}` : '')
  return (
    <li data-testid="person" data-person-id={p.id} className={following ? 'person following' : 'person'}>
      <Avatar colour={p.colour} name={p.name} />
      <span className="person-text">
        <span className="person-name">{isSelf ? t('people.you', { name: p.name }) : p.name}</span>
        <span className="person-role">{role}</span>
        <span className="person-table">
          {t('people.table')}: {props.table ?? t('people.noTable')}
        </span>
      </span>
      {isSelf ? (
        <button type="button" onClick={props.onEditMe} title={t('people.editMeTitle')}>
          {t('people.editMe')}
        </button>
      ) : following ? (
        <button type="button" onClick={props.onStopFollowing} title={t('people.stopFollowingTitle')}>
          {t('people.stopFollowing')}
        </button>
      ) : (
        <button type="button" onClick={() => props.onFollow(present.userId)} aria-label={t('people.followName', { name: p.name })}>
          {t('people.follow')}
        </button>
      )}
    </li>
  )
}

function Avatar({ colour, name }: { colour: string; name: string }) {
  return (
    <span className="avatar" style={{ background: colour }} aria-hidden="true" title={name}>
      {name.slice(0, 1).toUpperCase()}
    </span>
  )
}
