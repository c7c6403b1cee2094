import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguagePicker } from '../i18n/LanguagePicker'
import { navigate } from '../routing'
import { ConnectionBadge, type ConnectionState } from './ConnectionBadge'
import type { PresentPerson } from '../sync/presence'
import { PeopleList } from './PeopleList'
import { PALETTE_ID } from '../cards/CardPalette'

export function TopBar(props: {
  title: string
  connection: ConnectionState
  readOnly: boolean
  canShare: boolean
  people: PresentPerson[]
  followingId: string | null
  onFollow(personId: string): void
  onStopFollowing(): void
  onEditMe(): void
  onShare(): void
  /** The Export menu, mounted by the board. */
  exportMenu?: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <header className="top-bar" data-testid="top-bar">
      <a
        className="skip-link"
        href={`#${PALETTE_ID}`}
        onClick={(e) => {
          // The palette's first button takes the focus, so Tab and Enter go on from there.
          const first = document.querySelector<HTMLElement>(`#${PALETTE_ID} button`)
          if (!first) return
          e.preventDefault()
          first.focus()
        }}
      >
        {t('keyboard.skipToPalette')}
      </a>
      <a
        className="top-bar-home"
        href="/"
        onClick={(e) => {
          e.preventDefault()
          navigate('/')
        }}
        aria-label={t('app.home')}
      >
        {t('app.name')}
      </a>
      <h1 className="top-bar-title" data-testid="board-title">
        {props.title}
      </h1>
      {props.readOnly && (
        <span className="tag" data-testid="view-only">
          {t('board.viewOnly')}
        </span>
      )}
      <ConnectionBadge state={props.connection} />
      <div className="top-bar-spacer" />
      <PeopleList
        people={props.people}
        followingId={props.followingId}
        onFollow={props.onFollow}
        onStopFollowing={props.onStopFollowing}
        onEditMe={props.onEditMe}
      />
      {props.exportMenu}
      <LanguagePicker />
      {props.canShare && (
        <button type="button" className="primary" onClick={props.onShare} data-testid="share-button">
          {t('board.share')}
        </button>
      )}
    </header>
  )
}
