import { Box, Vec, type Editor, type TLShape, type TLShapeId, type VecLike } from 'tldraw'
import { overlaps, placeCardInZone, type Rect } from '../../../shared/src/board/cardPlacement'
import { ZONE_TYPE, type CardType } from '../../../shared/src/cards'
import { isHeldForMe } from '../facilitation/lockEnforcement'
import { zoneAtPagePoint } from './zoneOnPage'

// Which zone a new card goes into. A click on the palette puts it in "the current zone": the
// selected zone (or the zone of the selected card) when it takes that card type, else the zone
// taking that type that shows most on screen, else the one nearest the middle of the screen (the
// view then moves to it); with no such zone, the free space nearest the top-left of the screen.
// Where in the zone is the shared placement rule's answer (free space, or the zone grows). A zone
// the facilitator locked is never chosen, and a card dropped on one is not added.

type Zone = TLShape<typeof ZONE_TYPE>
type Size = { w: number; h: number }

export interface CardPlacement {
  /** The card's top-left corner: zone-relative with a zone, page coordinates without. */
  x: number
  y: number
  /** The zone to put it in, if any. */
  zoneId: TLShapeId | null
  /** The zone's height with the card in it (larger than now when the zone has to grow). */
  zoneHeight?: number
}

export function placementForNewCard(editor: Editor, type: CardType, size: Size): CardPlacement {
  const zone = selectedZone(editor, type) ?? mostVisibleZone(editor, type)
  if (zone) return placementInZone(editor, zone, size)
  // No zone: the screen is the area, and the shapes on the page around it are what to avoid.
  const view = editor.getViewportPageBounds()
  const around = editor
    .getCurrentPageShapes()
    .filter((s) => s.parentId === editor.getCurrentPageId() && s.type !== ZONE_TYPE)
    .map((s) => editor.getShapePageBounds(s))
    .filter((b): b is Box => b !== undefined)
    .map((b) => ({ x: b.x - view.x, y: b.y - view.y, w: b.w, h: b.h }))
  const spot = placeCardInZone(view, around, size)
  return { x: view.x + spot.x, y: view.y + spot.y, zoneId: null }
}

/**
 * A card dropped at a page point: centred on it, in the zone holding that point (the shared rule);
 * moved to free space there if it would cover a card. Null when that zone is locked for this person.
 */
export function placementAtPoint(editor: Editor, point: VecLike, size: Size): CardPlacement | null {
  const holder = zoneAtPagePoint(editor, point)
  if (holder && isHeldForMe(editor, holder.id)) return null
  const zone = holder ? (editor.getShape(holder.id as TLShapeId) as Zone | undefined) : undefined
  if (!zone) return { x: point.x - size.w / 2, y: point.y - size.h / 2, zoneId: null }
  const local = editor.getPointInShapeSpace(zone, point)
  const wanted = { x: local.x - size.w / 2, y: local.y - size.h / 2, ...size }
  if (childBoxesIn(editor, zone.id).some((child) => overlaps(child.box, wanted))) return placementInZone(editor, zone, size)
  return { x: wanted.x, y: wanted.y, zoneId: zone.id }
}

/** Where the shared rule puts a card of `size` in the zone, given the cards already in it. */
export function placementInZone(editor: Editor, zone: Zone, size: Size): CardPlacement {
  const spot = placeCardInZone(zone.props, childBoxesIn(editor, zone.id).map((child) => child.box), size)
  return { x: spot.x, y: spot.y, zoneId: zone.id, zoneHeight: spot.zoneHeight }
}

/** The shapes inside a zone, in order, each with its zone-relative box. */
export function childBoxesIn(editor: Editor, zoneId: TLShapeId): { shape: TLShape; box: Rect }[] {
  return editor.getSortedChildIdsForParent(zoneId).flatMap((id) => {
    const shape = editor.getShape(id)
    if (!shape) return []
    const { w, h } = editor.getShapeGeometry(shape).bounds
    return [{ shape, box: { x: shape.x, y: shape.y, w, h } }]
  })
}

function takes(zone: Zone, type: CardType): boolean {
  return zone.props.accepts.length === 0 || zone.props.accepts.includes(type)
}

/** The zones a new card of this person's may go into. */
function pageZones(editor: Editor): Zone[] {
  return editor.getCurrentPageShapes().filter((s): s is Zone => s.type === ZONE_TYPE && !isHeldForMe(editor, s.id))
}

function selectedZone(editor: Editor, type: CardType): Zone | null {
  const selected = editor.getOnlySelectedShape()
  if (!selected) return null
  const zone =
    selected.type === ZONE_TYPE ? selected : editor.findShapeAncestor(selected, (parent) => parent.type === ZONE_TYPE)
  return zone && takes(zone as Zone, type) && !isHeldForMe(editor, zone.id) ? (zone as Zone) : null
}

function mostVisibleZone(editor: Editor, type: CardType): Zone | null {
  const viewport = editor.getViewportPageBounds()
  let best: { zone: Zone; area: number } | null = null
  for (const zone of pageZones(editor)) {
    // Only a zone that names the type: a zone that takes anything is chosen by selecting it.
    if (!zone.props.accepts.includes(type)) continue
    const bounds = editor.getShapePageBounds(zone)
    const visible = bounds ? intersectionArea(bounds, viewport) : 0
    // Off screen, a nearer zone counts for more (as a negative area: any zone on screen wins).
    const score = visible > 0 ? visible : bounds ? -Vec.Dist(bounds.center, viewport.center) : -Infinity
    if (!best || score > best.area) best = { zone, area: score }
  }
  return best?.zone ?? null
}

function intersectionArea(a: Box, b: Box): number {
  const w = Math.min(a.maxX, b.maxX) - Math.max(a.minX, b.minX)
  const h = Math.min(a.maxY, b.maxY) - Math.max(a.minY, b.minY)
  return w > 0 && h > 0 ? w * h : 0
}
