import { useEffect, useRef } from 'react'
import { useBoardFacilitation } from '../facilitation/FacilitationContext'
import { useLevels, zoomToLevel } from './useLevels'

/** Each participant's view starts at their table: once when they are first seated, and again when moved. */
export function useStartAtMyTable(): void {
  const { editor, isFacilitator } = useBoardFacilitation()
  const { mySeat, shapes, levelOf } = useLevels()
  const shownFor = useRef<string | null>(null)
  useEffect(() => {
    if (!editor || isFacilitator || !mySeat || shownFor.current === mySeat) return
    // The seat may arrive before the table's zones do: try again when the shapes change.
    if (zoomToLevel(editor, shapes, levelOf, mySeat)) shownFor.current = mySeat
  }, [editor, isFacilitator, mySeat, shapes, levelOf])
}
