import type { Editor, TLShape, VecLike } from 'tldraw'
import { readShapes } from '../../../shared/src/board/shapeLike'
import { ZONE_TYPE } from '../../../shared/src/cards'
import { readZones, zoneAtPoint, zoneOfCard as zoneHolding, type ZoneInfo } from '../../../shared/src/summary/zoneMembership'

// The shared "which zone holds this" rule (shared/src/summary/zoneMembership.ts) asked of the
// editor's page, so placing, voting and keyboard moves agree with the summary and the exports.

/** The zones of the page and the card, with what their page positions need (their ancestors). */
function pageZones(editor: Editor, card?: TLShape) {
  const zones = editor.getCurrentPageShapes().filter((shape) => shape.type === ZONE_TYPE)
  const related = [...(card ? [card] : []), ...zones].flatMap((shape) => [shape, ...editor.getShapeAncestors(shape)])
  const shapes = readShapes(related)
  return { zones: readZones(shapes), byId: new Map(shapes.map((shape) => [shape.id, shape])) }
}

/** The id of the zone a card lies in, or null. */
export function zoneOfCard(editor: Editor, card: TLShape): string | null {
  const { zones, byId } = pageZones(editor, card)
  const own = byId.get(card.id)
  return own ? (zoneHolding(own, zones, byId)?.id ?? null) : null
}

/** The zone a card dropped at this page point would belong to, or null. */
export function zoneAtPagePoint(editor: Editor, point: VecLike): ZoneInfo | null {
  const { zones, byId } = pageZones(editor)
  return zoneAtPoint(point, zones, byId)
}
