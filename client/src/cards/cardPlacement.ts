import { Box, type Editor, type TLShape, type TLShapeId, type VecLike } from 'tldraw'
import { ZONE_TYPE, type CardType } from '../../../shared/src/cards'
import { STARTER_LAYOUT } from '../../../shared/src/templates'

// Where a new card goes. A click on the palette puts it in "the current zone": the selected zone
// (or the zone of the selected card) when it takes that card type, else the zone taking that type
// that shows most on screen; with no such zone, the middle of the screen. Inside a zone the card
// takes the first free place of the starter cards' grid, else any free space left, else sits
// slightly offset on a taken place.

type Zone = TLShape<typeof ZONE_TYPE>
type Size = { w: number; h: number }

export interface CardPlacement {
  /** Page coordinates of the card's top-left corner. */
  x: number
  y: number
  /** The zone to put it in, if any. */
  zoneId: TLShapeId | null
}

const CASCADE_STEP = 16
/** Free-space search step and the least gap kept around other cards, in canvas units. */
const SCAN_STEP = 8

export function placementForNewCard(editor: Editor, type: CardType, size: Size): CardPlacement {
  const zone = selectedZone(editor, type) ?? mostVisibleZone(editor, type)
  if (zone) return { ...freeSpotInZone(editor, zone, size), zoneId: zone.id }
  const centre = editor.getViewportPageBounds().center
  return { x: centre.x - size.w / 2, y: centre.y - size.h / 2, zoneId: null }
}

/** A card dropped at a page point: centred on it, in the smallest zone under it. */
export function placementAtPoint(editor: Editor, point: VecLike, size: Size): CardPlacement {
  const zones = pageZones(editor)
    .filter((zone) => zoneBounds(editor, zone)?.containsPoint(point))
    .sort((a, b) => a.props.w * a.props.h - b.props.w * b.props.h)
  return { x: point.x - size.w / 2, y: point.y - size.h / 2, zoneId: zones[0]?.id ?? null }
}

function takes(zone: Zone, type: CardType): boolean {
  return zone.props.accepts.length === 0 || zone.props.accepts.includes(type)
}

function pageZones(editor: Editor): Zone[] {
  return editor.getCurrentPageShapes().filter((s): s is Zone => s.type === ZONE_TYPE)
}

function zoneBounds(editor: Editor, zone: Zone): Box | undefined {
  return editor.getShapePageBounds(zone)
}

function selectedZone(editor: Editor, type: CardType): Zone | null {
  const selected = editor.getOnlySelectedShape()
  if (!selected) return null
  const zone =
    selected.type === ZONE_TYPE ? selected : editor.findShapeAncestor(selected, (parent) => parent.type === ZONE_TYPE)
  return zone && takes(zone as Zone, type) ? (zone as Zone) : null
}

function mostVisibleZone(editor: Editor, type: CardType): Zone | null {
  const viewport = editor.getViewportPageBounds()
  let best: { zone: Zone; area: number } | null = null
  for (const zone of pageZones(editor)) {
    // Only a zone that names the type: a zone that takes anything is chosen by selecting it.
    if (!zone.props.accepts.includes(type)) continue
    const bounds = zoneBounds(editor, zone)
    const visible = bounds ? intersectionArea(bounds, viewport) : 0
    if (visible > 0 && (!best || visible > best.area)) best = { zone, area: visible }
  }
  return best?.zone ?? null
}

function intersectionArea(a: Box, b: Box): number {
  const w = Math.min(a.maxX, b.maxX) - Math.max(a.minX, b.minX)
  const h = Math.min(a.maxY, b.maxY) - Math.max(a.minY, b.minY)
  return w > 0 && h > 0 ? w * h : 0
}

function freeSpotInZone(editor: Editor, zone: Zone, size: Size): { x: number; y: number } {
  const { padding, header, gap } = STARTER_LAYOUT
  const area = zoneBounds(editor, zone) ?? new Box(zone.x, zone.y, zone.props.w, zone.props.h)
  const columns = Math.max(1, Math.floor((area.w - 2 * padding + gap) / (size.w + gap)))
  const rows = Math.max(1, Math.floor((area.h - header - padding + gap) / (size.h + gap)))
  const slots = Array.from({ length: columns * rows }, (_, order) => ({
    x: area.x + padding + (order % columns) * (size.w + gap),
    y: area.y + header + Math.floor(order / columns) * (size.h + gap),
  }))
  const taken = editor
    .getSortedChildIdsForParent(zone.id)
    .map((id) => editor.getShapePageBounds(id))
    .filter((b): b is Box => b !== undefined)
  const isFree = (spot: { x: number; y: number }) => {
    const withGap = new Box(spot.x - SCAN_STEP, spot.y - SCAN_STEP, size.w + 2 * SCAN_STEP, size.h + 2 * SCAN_STEP)
    return !taken.some((b) => b.collides(withGap))
  }
  // The starter cards' grid first, so cards line up; then any free space left in the zone.
  const free = slots.find(isFree) ?? scanPositions(area, size, padding, header).find(isFree)
  if (free) return free
  // Full: offset on a taken slot, so the new card shows as new and its centre stays in the zone.
  for (let step = 1; step * CASCADE_STEP < Math.min(size.w, size.h) / 2; step++) {
    for (const slot of slots) {
      const spot = { x: slot.x + step * CASCADE_STEP, y: slot.y + step * CASCADE_STEP }
      if (!taken.some((b) => Math.abs(b.x - spot.x) < CASCADE_STEP / 2 && Math.abs(b.y - spot.y) < CASCADE_STEP / 2)) return spot
    }
  }
  return slots[0]
}

/** Every position of a card inside the zone's card area, row by row, SCAN_STEP apart. */
function scanPositions(area: Box, size: Size, padding: number, header: number): { x: number; y: number }[] {
  const positions: { x: number; y: number }[] = []
  for (let y = area.y + header; y + size.h <= area.maxY - SCAN_STEP / 2; y += SCAN_STEP) {
    for (let x = area.x + padding; x + size.w <= area.maxX - SCAN_STEP / 2; x += SCAN_STEP) positions.push({ x, y })
  }
  return positions
}
