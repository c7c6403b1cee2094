import { useCallback, useRef, useSyncExternalStore } from 'react'
import * as Y from 'yjs'
import { readBoardDoc, type PersonEntry } from '../../../shared/src/doc/readBoardDoc'
import { PEOPLE_ROOT } from '../../../shared/src/doc/roots'

/** The board's `people` map (person id → name, role, colour), re-read whenever it changes. */
export function usePeople(doc: Y.Doc | null): Readonly<Record<string, PersonEntry>> {
  // useSyncExternalStore needs a stable snapshot between changes: cache it until the map changes.
  const cache = useRef<{ doc: Y.Doc | null; people: Record<string, PersonEntry> } | null>(null)
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return () => {}
      const people = doc.getMap(PEOPLE_ROOT)
      const handler = () => {
        cache.current = null
        onChange()
      }
      people.observeDeep(handler)
      return () => people.unobserveDeep(handler)
    },
    [doc],
  )
  const snapshot = useCallback(() => {
    if (!cache.current || cache.current.doc !== doc) {
      cache.current = { doc, people: doc ? readBoardDoc(doc).people : {} }
    }
    return cache.current.people
  }, [doc])
  return useSyncExternalStore(subscribe, snapshot)
}
