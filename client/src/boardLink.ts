import { BOARD_PATH, boardPath, readSecretFromHash } from './routing'

// Validates a link pasted into "Join": it must be a board link of this Tavolo server.

export type ParsedBoardLink = { ok: true; boardId: string; secret: string } | { ok: false; error: string }

const NOT_A_BOARD_LINK = 'This is not a Tavolo board link. It should look like https://…/b/<board>#k=<key>.'

export function parseBoardLink(input: string, ownOrigin: string): ParsedBoardLink {
  const text = input.trim()
  if (!text) return { ok: false, error: 'Paste the link you were given.' }
  let url: URL
  try {
    url = new URL(text, ownOrigin)
  } catch {
    return { ok: false, error: NOT_A_BOARD_LINK }
  }
  const match = BOARD_PATH.exec(url.pathname)
  if (!match) return { ok: false, error: NOT_A_BOARD_LINK }
  if (url.origin !== ownOrigin) {
    return { ok: false, error: `This link belongs to another Tavolo server (${url.host}). Open it directly in your browser.` }
  }
  const secret = readSecretFromHash(url.hash)
  if (!secret) return { ok: false, error: 'This link is incomplete: the part after "#k=" is missing. Copy the whole link again.' }
  return { ok: true, boardId: match[1], secret }
}

/** The full link to share for a board and one of its secrets. */
export function boardUrl(origin: string, boardId: string, secret: string): string {
  return origin + boardPath(boardId, secret)
}
