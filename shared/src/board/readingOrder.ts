import type { Rect } from './cardPlacement'

// The order the keyboard walks the board in: the zones (and anything outside a zone) in reading
// order, each zone followed at once by what lies in it, top to bottom and left to right. Tab and
// the arrow keys on the canvas follow it, so a card is reached right after the zone that holds it.

export interface PlacedBox {
  id: string
  /** The shape's page bounds. */
  box: Rect
  /** The zone it lies in (for a zone: null), by the summary's zone rule. */
  zoneId: string | null
}

export function boardReadingOrder(shapes: readonly PlacedBox[]): string[] {
  const inZone = new Map<string, PlacedBox[]>()
  const topLevel: PlacedBox[] = []
  const ids = new Set(shapes.map((s) => s.id))
  for (const shape of shapes) {
    if (shape.zoneId !== null && ids.has(shape.zoneId)) inZone.set(shape.zoneId, [...(inZone.get(shape.zoneId) ?? []), shape])
    else topLevel.push(shape)
  }
  return inReadingOrder(topLevel).flatMap((shape) => [shape.id, ...inReadingOrder(inZone.get(shape.id) ?? []).map((s) => s.id)])
}

/**
 * Rows top to bottom, each left to right: a box joins the row whose first box its vertical centre
 * lies within, so cards of one grid row stay one row even when their heights differ.
 */
export function inReadingOrder<T extends { id: string; box: Rect }>(shapes: readonly T[]): T[] {
  const byTop = [...shapes].sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x || (a.id < b.id ? -1 : 1))
  const rows: T[][] = []
  for (const shape of byTop) {
    const centre = shape.box.y + shape.box.h / 2
    const row = rows.find((r) => centre >= r[0].box.y && centre <= r[0].box.y + r[0].box.h)
    if (row) row.push(shape)
    else rows.push([shape])
  }
  return rows.flatMap((row) => row.sort((a, b) => a.box.x - b.box.x))
}

/** The id after (or before) `current` in `order`; null past either end, the first or last when nothing is current. */
export function adjacentInOrder(order: readonly string[], current: string | null, direction: 'next' | 'prev'): string | null {
  if (order.length === 0) return null
  const at = current === null ? -1 : order.indexOf(current)
  if (at === -1) return direction === 'next' ? order[0] : order[order.length - 1]
  const next = at + (direction === 'next' ? 1 : -1)
  return next >= 0 && next < order.length ? order[next] : null
}
