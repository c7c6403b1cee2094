import { useEffect } from 'react'
import { react, type Editor, type TLShapeId } from 'tldraw'
import { zoneHeightToFit } from '../../../shared/src/board/cardPlacement'
import { ZONE_TYPE } from '../../../shared/src/cards'
import { childBoxesIn } from './cardPlacement'
import { growZone } from './growZone'

// A card dragged past a zone's bottom edge but left in the zone would be clipped, its votes
// hidden: when a drag or resize ends, the zones of the moved cards grow to show them whole.
// Checked at the end rather than on every change, so a card dragged down can still leave.

export function useZonesFitTheirCards(editor: Editor | null): void {
  useEffect(() => {
    if (!editor) return
    let moving = false
    return react('zones fit their cards', () => {
      const now = editor.isIn('select.translating') || editor.isIn('select.resizing')
      if (moving && !now) fitZonesOf(editor, editor.getSelectedShapeIds())
      moving = now
    })
  }, [editor])
}

function fitZonesOf(editor: Editor, ids: readonly TLShapeId[]): void {
  const zoneIds = new Set(ids.map((id) => editor.getShape(id)?.parentId).filter((id) => id !== undefined))
  for (const zoneId of zoneIds) {
    const zone = editor.getShape(zoneId as TLShapeId)
    if (zone?.type !== ZONE_TYPE || editor.getIsReadonly()) continue
    growZone(editor, zone, zoneHeightToFit(zone.props.h, childBoxesIn(editor, zone.id).map((child) => child.box)))
  }
}
