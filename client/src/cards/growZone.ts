import type { Editor, TLShape } from 'tldraw'
import { zonesPushedDown } from '../../../shared/src/board/cardPlacement'
import { ZONE_TYPE } from '../../../shared/src/cards'

type Zone = TLShape<typeof ZONE_TYPE>

/** Makes a zone taller, moving the zones below it down so it never runs into them. */
export function growZone(editor: Editor, zone: Zone, height: number): void {
  if (height <= zone.props.h) return
  const box = (z: Zone) => ({ id: z.id as string, x: z.x, y: z.y, w: z.props.w, h: z.props.h })
  const zones = editor.getCurrentPageShapes().filter((s): s is Zone => s.type === ZONE_TYPE && s.parentId === zone.parentId)
  const moves = zonesPushedDown(box(zone), height, zones.map(box))
  editor.run(() => {
    editor.updateShape({ id: zone.id, type: ZONE_TYPE, props: { h: height } })
    for (const { id, y } of moves) editor.updateShape({ id: id as Zone['id'], type: ZONE_TYPE, y })
  })
}
