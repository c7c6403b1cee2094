import { useCallback, useRef, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'

const EMPTY: Readonly<Record<string, unknown>> = Object.freeze({})

/** One root Y.Map of the board as plain JSON, re-read whenever it changes (null doc: empty). */
export function usePlainMap(doc: Y.Doc | null, root: string): Readonly<Record<string, unknown>> {
  // useSyncExternalStore needs the same snapshot object until the map really changes.
  const cache = useRef<{ doc: Y.Doc | null; root: string; value: Readonly<Record<string, unknown>> } | null>(null)
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return () => {}
      const map = doc.getMap(root)
      const handler = () => {
        cache.current = null
        onChange()
      }
      map.observe(handler)
      return () => map.unobserve(handler)
    },
    [doc, root],
  )
  const snapshot = useCallback(() => {
    const cached = cache.current
    if (cached && cached.doc === doc && cached.root === root) return cached.value
    const value = doc ? (doc.getMap(root).toJSON() as Record<string, unknown>) : EMPTY
    cache.current = { doc, root, value }
    return value
  }, [doc, root])
  return useSyncExternalStore(subscribe, snapshot)
}
