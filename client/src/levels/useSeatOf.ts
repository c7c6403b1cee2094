import { useMemo } from 'react'
import type * as Y from 'yjs'
import { SEAT_PICKS_ROOT, SESSION_ROOT } from '../../../shared/src/doc/roots'
import { seatOf } from '../../../shared/src/levels/tables'
import { seatingStateOf } from '../../../shared/src/session/sessionState'
import { usePlainMap } from '../sync/usePlainMap'

export interface Seat {
  tableId: string
  name: string
  /** The table's place in the room's order. */
  order: number
}

/** Where each person sits (their table's id, name and order), or undefined for the unseated. */
export function useSeatOf(doc: Y.Doc | null): (personId: string) => Seat | undefined {
  const session = usePlainMap(doc, SESSION_ROOT)
  const picks = usePlainMap(doc, SEAT_PICKS_ROOT)
  return useMemo(() => {
    const state = seatingStateOf(session)
    const { tables } = state
    return (personId) => {
      const order = tables.findIndex((t) => t.id === seatOf(state, picks, personId))
      return order < 0 ? undefined : { tableId: tables[order].id, name: tables[order].name, order }
    }
  }, [session, picks])
}
