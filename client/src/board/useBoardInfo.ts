import { i18next } from '../i18n/i18n'
import { ApiError, describeError, getBoard, getClientConfig, type BoardInfo } from '../api'
import { recallBoardInfo, rememberBoardInfo } from '../offline/boardInfoCache'
import { useLoaded, type Loaded } from '../ui/useLoaded'

export interface BoardInfoReady {
  info: BoardInfo
  licenseKey: string | null
}

/** What the server says about this board and link (role, title), plus the run-time client config. */
export function useBoardInfo(boardId: string, secret: string): Loaded<BoardInfoReady> {
  return useLoaded(() => loadBoardInfo(boardId, secret), [boardId, secret])
}

async function loadBoardInfo(boardId: string, secret: string): Promise<BoardInfoReady> {
  try {
    const [info, config] = await Promise.all([getBoard(boardId, secret), getClientConfig()])
    const ready = { info, licenseKey: config.tldrawLicenseKey }
    rememberBoardInfo(boardId, secret, ready)
    return ready
  } catch (error) {
    // Unreachable (status 0), not refused: open this device's copy if it was opened here before.
    const cached = error instanceof ApiError && error.status === 0 ? recallBoardInfo(boardId, secret) : null
    if (cached) return cached
    throw new Error(boardErrorMessage(error))
  }
}

function boardErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401 || error.status === 403) return i18next.t('errors.linkInvalid')
    if (error.status === 404) return i18next.t('errors.boardMissing')
  }
  return describeError(error)
}
