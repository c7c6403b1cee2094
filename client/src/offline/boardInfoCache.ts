import type { BoardInfo } from '../api'

// The last answer the server gave about a board link, kept on this device so a board reloaded
// with no network still opens (with the role the server granted) from its IndexedDB copy.

export interface CachedBoardInfo {
  info: BoardInfo
  licenseKey: string | null
}

const key = (boardId: string, secret: string) => `tavolo.boardInfo.${boardId}.${secret}`

export function rememberBoardInfo(boardId: string, secret: string, value: CachedBoardInfo): void {
  try {
    localStorage.setItem(key(boardId, secret), JSON.stringify(value))
  } catch {
    // Storage full or disabled: offline reloads of this board will say the server is unreachable.
  }
}

export function recallBoardInfo(boardId: string, secret: string): CachedBoardInfo | null {
  try {
    const raw = localStorage.getItem(key(boardId, secret))
    const value = raw ? (JSON.parse(raw) as CachedBoardInfo) : null
    return value && typeof value.info?.id === 'string' && typeof value.info.role === 'string' ? value : null
  } catch {
    return null
  }
}
