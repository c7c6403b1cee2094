import { useMemo } from 'react'
import type * as Y from 'yjs'
import { readPeople, type StoredPerson } from '../../../shared/src/doc/people'
import { PEOPLE_ROOT } from '../../../shared/src/doc/roots'
import { usePlainMap } from './usePlainMap'

/** The board's `people` map (person id → name, role, colour), re-read whenever it changes. */
export function usePeople(doc: Y.Doc | null): Readonly<Record<string, StoredPerson>> {
  const entries = usePlainMap(doc, PEOPLE_ROOT)
  return useMemo(() => readPeople(entries as Record<string, unknown>), [entries])
}
