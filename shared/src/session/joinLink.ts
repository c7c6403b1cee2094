// The links a facilitator shares: the participant's join link (`/b/<id>#k=<secret>`) and the
// projector's (`/b/<id>/present#k=<secret>`). The secret is in the fragment, which browsers never
// send to the server, so it stays out of server logs. The QR code encodes the same join link.

export type BoardView = 'board' | 'present'

export type ParsedBoardLink =
  | { ok: true; origin: string; boardId: string; secret: string; view: BoardView }
  | { ok: false; error: BoardLinkError; host?: string }

/** Why a pasted link was refused; the catalogue words each (errors.link_<error>). */
export type BoardLinkError = 'empty' | 'not-a-board-link' | 'other-server' | 'no-secret'

/** Board ids are URL-safe base64 (server/src/access/ids.ts); a path never needs escaping. */
const BOARD_ID = /^[A-Za-z0-9_-]+$/
const LINK_PATH = /^\/b\/([A-Za-z0-9_-]+)(\/present)?\/?$/

/** The link participants open to join the board. */
export function joinLink(origin: string, boardId: string, secret: string): string {
  return boardLink(origin, boardId, secret, 'board')
}

/**
 * The link of the read-only projector view, opened with the viewer secret. `joinSecret`, the
 * participant secret (in the fragment too, as `j`), lets the projector show the join QR code.
 */
export function projectorLink(origin: string, boardId: string, viewerSecret: string, joinSecret?: string): string {
  const link = boardLink(origin, boardId, viewerSecret, 'present')
  return joinSecret ? `${link}&${JOIN_SECRET_PARAM}=${encodeURIComponent(joinSecret)}` : link
}

/** The fragment parameter of a projector link that carries the participant secret. */
export const JOIN_SECRET_PARAM = 'j'

export function boardLink(origin: string, boardId: string, secret: string, view: BoardView): string {
  return `${new URL(origin).origin}${boardLinkPath(boardId, secret, view)}`
}

/** The same link without its origin, for navigating inside the app. */
export function boardLinkPath(boardId: string, secret: string, view: BoardView = 'board'): string {
  if (!BOARD_ID.test(boardId)) throw new Error(`Not a valid board id: "${boardId}"`)
  if (!secret) throw new Error('A board link needs a secret')
  const path = view === 'present' ? `/b/${boardId}/present` : `/b/${boardId}`
  return `${path}#k=${encodeURIComponent(secret)}`
}

/**
 * Reads a link pasted into Join (or scanned): the board, the secret and the view. A path without
 * an origin is taken as this server's; a link to another server is refused with a message.
 */
export function parseBoardLink(input: string, ownOrigin: string): ParsedBoardLink {
  const text = input.trim()
  if (!text) return { ok: false, error: 'empty' }
  let url: URL
  try {
    url = new URL(text, ownOrigin)
  } catch {
    return { ok: false, error: 'not-a-board-link' }
  }
  const match = LINK_PATH.exec(url.pathname)
  if (!match) return { ok: false, error: 'not-a-board-link' }
  if (url.origin !== new URL(ownOrigin).origin) {
    return { ok: false, error: 'other-server', host: url.host }
  }
  const secret = new URLSearchParams(url.hash.replace(/^#/, '')).get('k')
  if (!secret) return { ok: false, error: 'no-secret' }
  return { ok: true, origin: url.origin, boardId: match[1], secret, view: match[2] ? 'present' : 'board' }
}
