import { useEffect, useState } from 'react'
import { ApiError, describeError, getBoard, getClientConfig, type BoardInfo } from '../api'

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
      ([info, config]) => !cancelled && setState({ status: 'ready', info, licenseKey: config.tldrawLicenseKey }),
      (error: unknown) => !cancelled && setState({ status: 'error', message: boardErrorMessage(error) }),
    )
    return () => {
      cancelled = true
    }
  }, [boardId, secret])
  return state
}

function boardErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401 || error.status === 403) return 'This link is no longer valid. Ask the facilitator for a new one.'
    if (error.status === 404) return 'This workshop does not exist. Check that you copied the whole link.'
  }
  return describeError(error)
}
