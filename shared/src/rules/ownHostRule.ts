import { isObject } from '../board/shapeLike'
import { refuse, type Refusal } from './writer'

// The app loads nothing from another host (README): every screen, the projector included, draws
// the same records, so one record pointing elsewhere would make them all load it. Shapes whose
// purpose is another host's content are refused; images must come from this server.

const RULE = 'own-host'

/** Shape and asset types that exist to show another host's content. */
export const FOREIGN_CONTENT_TYPES: readonly string[] = ['embed', 'bookmark', 'video']

/** Whether `url` is empty or names a path on this app's own origin (as a browser would resolve it). */
export function isOwnOriginUrl(url: unknown): boolean {
  if (url === null || url === undefined || url === '') return true
  if (typeof url !== 'string') return false
  const base = 'http://own-origin.invalid/'
  try {
    return new URL(url, base).origin === new URL(base).origin
  } catch {
    return false
  }
}

/** Null when the record loads nothing from another host. */
export function checkOwnHost(record: Record<string, unknown>): Refusal | null {
  const { typeName, type } = record
  if ((typeName === 'shape' || typeName === 'asset') && typeof type === 'string' && FOREIGN_CONTENT_TYPES.includes(type)) {
    return refuse(RULE, `${type} content loads another host and is not allowed on a board`)
  }
  const props = isObject(record.props) ? record.props : {}
  if (typeName === 'shape' && type === 'image' && !isOwnOriginUrl(props.url)) return refuse(RULE, 'images must be uploaded to this server')
  if (typeName === 'asset' && !isOwnOriginUrl(props.src)) return refuse(RULE, 'images must be uploaded to this server')
  return null
}
