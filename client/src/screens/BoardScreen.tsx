import { useTranslation } from 'react-i18next'
import { useEffect } from 'react'
import { BoardRoom } from '../board/BoardRoom'
import { useBoardInfo } from '../board/useBoardInfo'
import { useLocalStore } from '../state/localStore'
import { JoinScreen } from './JoinScreen'
import { BoardInfoPending, ScreenMessage } from './ScreenMessage'

export function BoardScreen({ boardId, secret }: { boardId: string; secret: string | null }) {
  const { t } = useTranslation()
  if (!secret) {
    return (
      <ScreenMessage title={t('app.linkIncomplete')} testId="board-error">
        <p>{t('app.boardLinkIncomplete')}</p>
      </ScreenMessage>
    )
  }
  return <BoardLoader boardId={boardId} secret={secret} />
}

function BoardLoader({ boardId, secret }: { boardId: string; secret: string }) {
  const state = useBoardInfo(boardId, secret)
  const { t } = useTranslation()
  const profile = useLocalStore((s) => s.profiles[boardId] ?? null)
  const lastName = useLocalStore((s) => s.lastName)
  const setProfile = useLocalStore((s) => s.setProfile)
  const rememberWorkshop = useLocalStore((s) => s.rememberWorkshop)

  const info = state.status === 'ready' ? state.value.info : null
  useEffect(() => {
    if (info) rememberWorkshop({ id: info.id, title: info.title, secret, accessRole: info.role })
  }, [info, secret, rememberWorkshop])

  if (state.status !== 'ready') return <BoardInfoPending state={state} loadingTitle={t('app.opening')} />
  const { value: ready } = state
  // Only the facilitator link makes someone the facilitator; a changed link asks again.
  const profileFitsLink = profile !== null && (profile.role === 'facilitator') === (ready.info.role === 'facilitator')
  if (!profile || !profileFitsLink) {
    return (
      <JoinScreen
        boardTitle={ready.info.title}
        accessRole={ready.info.role}
        initial={null}
        suggestedName={profile?.name ?? lastName}
        onDone={(p) => setProfile(boardId, p)}
      />
    )
  }
  return <BoardRoom info={ready.info} secret={secret} profile={profile} licenseKey={ready.licenseKey} />
}
