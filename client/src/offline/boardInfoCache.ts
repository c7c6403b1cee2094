import { Result } from '@tldraw/utils'
import { T } from '@tldraw/validate'
import { ACCESS_ROLES } from '../../../shared/src/roles'
import type { BoardInfo } from '../../../shared/src/wire/api'
import { validateInput } from '../../../shared/src/wire/validation'

// The last answer the server gave about a board link, kept on this device so a board reloaded
// with no network still opens (with the role the server granted) from its IndexedDB copy.

export interface CachedBoardInfo {
  info: BoardInfo
  licenseKey: string | null
}

// Browser storage is input from outside too: another version of Tavolo (or a person) may have
// written anything under the key.
const cachedBoardInfo: T.Validator<CachedBoardInfo> = T.object({
  info: T.object({ id: T.string, title: T.string, role: T.literalEnum(...ACCESS_ROLES) }).allowUnknownProperties(),
  licenseKey: T.string.nullable(),
})

const key = (boardId: string, secret: string) => `tavolo.boardInfo.${boardId}.${secret}`

export function rememberBoardInfo(boardId: string, secret: string, value: CachedBoardInfo): void {
  try {
    localStorage.setItem(key(boardId, secret), JSON.stringify(value))
  } catch {
    // Storage full or disabled: offline reloads of this board will say the server is unreachable.
  }
}

export function recallBoardInfo(boardId: string, secret: string): CachedBoardInfo | null {
  let raw: string | null
  try {
    raw = localStorage.getItem(key(boardId, secret))
  } catch {
    return null
  }
  if (raw === null) return null
  const decoded = decodeCachedBoardInfo(raw)
  if (!decoded.ok) console.warn(`Ignored the saved details of this board link: ${decoded.error}`)
  return decoded.ok ? decoded.value : null
}

/** A saved value as `rememberBoardInfo` wrote it, or what is wrong with it. */
export function decodeCachedBoardInfo(raw: string): Result<CachedBoardInfo, string> {
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return Result.err('it is not JSON')
  }
  return validateInput(cachedBoardInfo, json)
}
