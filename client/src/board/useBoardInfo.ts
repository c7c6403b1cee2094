import { i18next } from '../i18n/i18n'
import { useEffect, useState } from 'react'
import { ApiError, describeError, getBoard, getClientConfig, type BoardInfo } from '../api'
import { recallBoardInfo, rememberBoardInfo } from '../offline/boardInfoCache'

export type BoardInfoState =
  | { status: 'loading' }
  | { status: 'ready'; info: BoardInfo; licenseKey: string | null }
  | { status: 'error'; message: string }

/** What the server says about this board and link (role, title), plus the run-time client config. */
export function useBoardInfo(boardId: string, secret: string): BoardInfoState {
  const [state, setState] = useState<BoardInfoState>({ status: 'loading' })
  useEffect(() => {
    let cancelled = false
    setState({ status: 'loading' })
    Promise.all([getBoard(boardId, secret), getClientConfig()]).then(
      ([info, config]) => {
        const ready = { info, licenseKey: config.tldrawLicenseKey }
        rememberBoardInfo(boardId, secret, ready)
        if (!cancelled) setState({ status: 'ready', ...ready })
      },
      (error: unknown) => {
        if (cancelled) return
        // Unreachable (status 0), not refused: open this device's copy if it was opened here before.
        const cached = error instanceof ApiError && error.status === 0 ? recallBoardInfo(boardId, secret) : null
        setState(cached ? { status: 'ready', ...cached } : { status: 'error', message: boardErrorMessage(error) })
      },
    )
    return () => {
      cancelled = true
    }
  }, [boardId, secret])
  return state
}

function boardErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401 || error.status === 403) return i18next.t('errors.linkInvalid')
    if (error.status === 404) return i18next.t('errors.boardMissing')
  }
  return describeError(error)
}
