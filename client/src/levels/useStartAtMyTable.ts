import { useEffect, useMemo, useRef } from 'react'
import { useValue } from 'tldraw'
import { SEAT_PICKS_ROOT } from '../../../shared/src/doc/roots'
import { seatOf } from '../../../shared/src/levels/tables'
import { storeZones } from '../cards/zoneOnPage'
import { useBoardFacilitation } from '../facilitation/FacilitationContext'
import { usePlainMap } from '../sync/usePlainMap'
import { zoomToLevel } from './useLevels'

/**
 * Each participant's view starts at their table: once when they are first seated, and again when
 * moved. Always mounted, so it reads only the zones and the seating, never a card moving.
 */
export function useStartAtMyTable(): void {
  const { doc, editor, isFacilitator, session, personId } = useBoardFacilitation()
  const seatPicks = usePlainMap(doc, SEAT_PICKS_ROOT)
  const mySeat = seatOf(session, seatPicks, personId)
  const $zones = useMemo(() => (editor ? storeZones(editor.store) : null), [editor])
  const zones = useValue('my table zones', () => $zones?.get() ?? [], [$zones])
  const shownFor = useRef<string | null>(null)
  useEffect(() => {
    if (!editor || isFacilitator || !mySeat || shownFor.current === mySeat) return
    // The seat may arrive before the table's zones do: try again when the zones change.
    if (zoomToLevel(editor, zones, mySeat)) shownFor.current = mySeat
  }, [editor, isFacilitator, mySeat, zones])
}
