import { useMemo } from 'react'
import { SEAT_PICKS_ROOT } from '../../../shared/src/doc/roots'
import { seatOf } from '../../../shared/src/levels/tables'
import { useBoardFacilitation } from '../facilitation/FacilitationContext'
import { usePlainMap } from '../sync/usePlainMap'

export interface Seat {
  tableId: string
  name: string
  /** The table's place in the room's order. */
  order: number
}

/** Where each person sits (their table's id, name and order), or undefined for the unseated; the session is the facilitation context's. */
export function useSeatOf(): (personId: string) => Seat | undefined {
  const { doc, session } = useBoardFacilitation()
  const picks = usePlainMap(doc, SEAT_PICKS_ROOT)
  return useMemo(() => {
    const { tables } = session
    return (personId) => {
      const order = tables.findIndex((t) => t.id === seatOf(session, picks, personId))
      return order < 0 ? undefined : { tableId: tables[order].id, name: tables[order].name, order }
    }
  }, [session, picks])
}
