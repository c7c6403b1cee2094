import { STARTER_LAYOUT, starterCardPosition } from '../templates/templateRecords'

// Where a card goes inside a zone, in the zone's own coordinates, without the tldraw editor: the
// palette, cards from other people, imports and reveals all place cards with it. The first free
// place of the starter cards' grid (so cards line up), else any free space left in the zone, else
// the first free grid place below the zone's bottom, with the height the zone must grow to. A
// place is free when the card, with a gap around it, touches no other card.

export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

export interface Size {
  w: number
  h: number
}

export interface ZonePlacement {
  /** The card's top-left corner, relative to the zone's. */
  x: number
  y: number
  /** The zone's height with the card in it: its own height unless it has to grow. */
  zoneHeight: number
}

/** The least gap kept between cards, and the step of the free-space search, in canvas units. */
export const PLACEMENT_STEP = 8

export function placeCardInZone(zone: Size, occupied: readonly Rect[], size: Size): ZonePlacement {
  const { padding, header } = STARTER_LAYOUT
  const isFree = (spot: { x: number; y: number }) => !occupied.some((other) => overlaps(withGap(spot, size), other))
  const fits = (spot: { x: number; y: number }) => spot.y + size.h + padding <= zone.h || spot.y === header
  const inside: { x: number; y: number }[] = []
  for (let order = 0; ; order++) {
    const slot = starterCardPosition(zone, order, size)
    if (!fits(slot)) break
    inside.push(slot)
  }
  const free = inside.find(isFree) ?? scanPositions(zone, size).find(isFree)
  if (free) return { ...free, zoneHeight: Math.max(zone.h, free.y + size.h + padding) }
  // Full: the zone grows downwards by as many grid rows as it takes.
  for (let order = inside.length; ; order++) {
    const slot = starterCardPosition(zone, order, size)
    if (isFree(slot)) return { ...slot, zoneHeight: Math.max(zone.h, slot.y + size.h + padding) }
  }
}

/** The zone height that shows every card in it whole (cards dragged past its bottom edge). */
export function zoneHeightToFit(zoneHeight: number, cards: readonly Rect[]): number {
  const bottom = Math.max(0, ...cards.map((card) => card.y + card.h + STARTER_LAYOUT.padding))
  return Math.max(zoneHeight, bottom)
}

export interface ZoneBox extends Rect {
  id: string
}

/**
 * The zones a growing zone would run into, moved down (with whatever they in turn run into) so
 * each keeps the gap it had above it: page positions `{ id, y }` of the zones that move.
 */
export function zonesPushedDown(grown: ZoneBox, newHeight: number, zones: readonly ZoneBox[]): { id: string; y: number }[] {
  const moved: { id: string; y: number }[] = []
  const placed = new Map<string, ZoneBox>([[grown.id, { ...grown, h: newHeight }]])
  const below = zones
    .filter((z) => z.id !== grown.id && z.y >= grown.y + grown.h && overlapsAcross(z, grown))
    .sort((a, b) => a.y - b.y)
  for (const zone of below) {
    let y = zone.y
    for (const [id, above] of placed) {
      if (!overlapsAcross(zone, above)) continue
      const original = id === grown.id ? grown : zones.find((z) => z.id === id)!
      const gap = Math.max(0, zone.y - (original.y + original.h))
      y = Math.max(y, above.y + above.h + gap)
    }
    placed.set(zone.id, { ...zone, y })
    if (y !== zone.y) moved.push({ id: zone.id, y })
  }
  return moved
}

/** True when two boxes overlap left to right (whatever their heights). */
function overlapsAcross(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w
}

/** True when two boxes share more than an edge. */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

function withGap(spot: { x: number; y: number }, size: Size): Rect {
  return { x: spot.x - PLACEMENT_STEP, y: spot.y - PLACEMENT_STEP, w: size.w + 2 * PLACEMENT_STEP, h: size.h + 2 * PLACEMENT_STEP }
}

/** Every position of a card inside the zone's card area, row by row, PLACEMENT_STEP apart. */
function scanPositions(zone: Size, size: Size): { x: number; y: number }[] {
  const { padding, header } = STARTER_LAYOUT
  const positions: { x: number; y: number }[] = []
  for (let y = header; y + size.h + padding <= zone.h; y += PLACEMENT_STEP) {
    for (let x = padding; x + size.w + padding <= zone.w; x += PLACEMENT_STEP) positions.push({ x, y })
  }
  return positions
}

export interface MadeCard {
  id: string
  /** When it was made (`meta.createdAt`), null when unknown. */
  createdAt: number | null
}

/**
 * Of two cards found on top of each other (two people added one to the same free place at once),
 * the one that moves: the later made, an unknown time counting as latest, the larger id on a tie.
 * Every client picks the same one, so only that card's maker moves it and nothing is moved twice.
 */
export function cardThatMakesRoom<T extends MadeCard>(a: T, b: T): T {
  const at = (card: MadeCard) => card.createdAt ?? Number.POSITIVE_INFINITY
  if (at(a) !== at(b)) return at(a) > at(b) ? a : b
  return a.id > b.id ? a : b
}
