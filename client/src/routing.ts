import { useSyncExternalStore } from 'react'
import { JOIN_SECRET_PARAM, boardLinkPath } from '../../shared/src/session/joinLink'

// Two screens only, so a router dependency would be more code than this file. The board secret
// lives in the fragment (#k=…), which browsers never send to the server in a request.

export type Route =
  | { name: 'home' }
  | { name: 'board'; boardId: string; secret: string | null }
  | { name: 'present'; boardId: string; secret: string | null; joinSecret: string | null }
  | { name: 'not-found'; path: string }

/** `/b/<board id>`: the board's path; the secret is in the fragment. */
export const BOARD_PATH = /^\/b\/([A-Za-z0-9_-]+)\/?$/
/** `/b/<board id>/present`: the projector view. */
export const PRESENT_PATH = /^\/b\/([A-Za-z0-9_-]+)\/present\/?$/
const NAVIGATE_EVENT = 'tavolo:navigate'

export function parseRoute(pathname: string, hash: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'home' }
  const match = BOARD_PATH.exec(pathname)
  if (match) return { name: 'board', boardId: match[1], secret: readSecretFromHash(hash) }
  const present = PRESENT_PATH.exec(pathname)
  if (present) return { name: 'present', boardId: present[1], secret: readSecretFromHash(hash), joinSecret: readHashParam(hash, JOIN_SECRET_PARAM) }
  return { name: 'not-found', path: pathname }
}

/** The `k` parameter of a fragment such as `#k=abc`, or null when absent or empty. */
export function readSecretFromHash(hash: string): string | null {
  return readHashParam(hash, 'k')
}

function readHashParam(hash: string, name: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get(name) || null
}

/** The in-app path of a board opened with a given secret. */
export const boardPath = (boardId: string, secret: string): string => boardLinkPath(boardId, secret, 'board')

export function navigate(path: string): void {
  window.history.pushState(null, '', path)
  window.dispatchEvent(new Event(NAVIGATE_EVENT))
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener('hashchange', onChange)
  window.addEventListener(NAVIGATE_EVENT, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener('hashchange', onChange)
    window.removeEventListener(NAVIGATE_EVENT, onChange)
  }
}

const currentLocation = () => window.location.pathname + window.location.hash

export function useRoute(): Route {
  const location = useSyncExternalStore(subscribe, currentLocation)
  const url = new URL(location, window.location.origin)
  return parseRoute(url.pathname, url.hash)
}
