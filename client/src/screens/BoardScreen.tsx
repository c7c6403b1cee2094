import { useTranslation } from 'react-i18next'
import { useEffect } from 'react'
import { BoardRoom } from '../board/BoardRoom'
import { useBoardInfo } from '../board/useBoardInfo'
import { joinBoard } from '../api'
import { membershipKey, useLocalStore } from '../state/localStore'
import { JoinScreen } from './JoinScreen'
import { BoardInfoPending, LinkIncomplete } from './ScreenMessage'

export function BoardScreen({ boardId, secret }: { boardId: string; secret: string | null }) {
  const { t } = useTranslation()
  if (!secret) return <LinkIncomplete text={t('app.boardLinkIncomplete')} />
  return <BoardLoader boardId={boardId} secret={secret} />
}

function BoardLoader({ boardId, secret }: { boardId: string; secret: string }) {
  const state = useBoardInfo(boardId, secret)
  const { t } = useTranslation()
  const membership = useLocalStore((s) => s.memberships[membershipKey(boardId, secret)] ?? null)
  const lastName = useLocalStore((s) => s.lastName)
  const setMembership = useLocalStore((s) => s.setMembership)
  const rememberWorkshop = useLocalStore((s) => s.rememberWorkshop)

  const info = state.status === 'ready' ? state.value.info : null
  useEffect(() => {
    if (info) rememberWorkshop({ id: info.id, title: info.title, secret, accessRole: info.role })
  }, [info, secret, rememberWorkshop])

  if (state.status !== 'ready') return <BoardInfoPending state={state} loadingTitle={t('app.opening')} />
  const { value: ready } = state
  // Each link is joined once: the server makes the person and the token this browser keeps for it.
  if (!membership) {
    return (
      <JoinScreen
        boardTitle={ready.info.title}
        accessRole={ready.info.role}
        initial={null}
        suggestedName={lastName}
        onDone={async (profile) => setMembership(boardId, secret, { ...profile, ...(await joinBoard(boardId, secret, profile)) })}
      />
    )
  }
  return <BoardRoom info={ready.info} secret={secret} membership={membership} licenseKey={ready.licenseKey} />
}
