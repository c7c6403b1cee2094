import type { TFunction } from 'i18next'
import { isCardType, type CardType } from '../cards/cardTypes'
import { ZONE_TYPE } from '../cards/zone/zone'
import { boxContains, pageCentre, shapeSize, type Point } from '../board/geometry'
import type { ShapeLike } from '../board/shapeLike'

// A card belongs to the zone its centre lies in, judged by geometry rather than by parentId, so
// a card dragged out of a zone leaves it even if the client has not re-parented it yet. Zones
// may overlap: the smallest containing zone wins (a zone drawn inside another is the more
// specific one), and equal areas are settled by the smaller id so every client agrees.

export interface ZoneInfo {
  id: string
  /** As written; '' for an untitled zone, which zoneTitle words in the reader's language. */
  title: string
  /** The card types it expects; empty means any card type (a plain area). */
  accepts: CardType[]
  shape: ShapeLike
}

export function readZones(shapes: readonly ShapeLike[]): ZoneInfo[] {
  return shapes
    .filter((s) => s.type === ZONE_TYPE && area(s) > 0)
    .map((shape) => ({
      id: shape.id,
      title: typeof shape.props.title === 'string' && shape.props.title.trim() !== '' ? shape.props.title : '',
      accepts: Array.isArray(shape.props.accepts) ? shape.props.accepts.filter(isCardType) : [],
      shape,
    }))
}

/** The zones among `shapes`, and every one of them by id for the page positions: what zoneOfCard and zoneAtPoint read. */
export interface ZoneIndex {
  zones: ZoneInfo[]
  byId: ReadonlyMap<string, ShapeLike>
}

export function zoneIndex(shapes: readonly ShapeLike[]): ZoneIndex {
  return { zones: readZones(shapes), byId: new Map(shapes.map((shape) => [shape.id, shape])) }
}

/** How a zone is named to people: its title (stored or as read), or "Untitled zone" in `t`'s language. */
export function zoneTitle(title: unknown, t: TFunction): string {
  return typeof title === 'string' && title.trim() !== '' ? title : t('common.untitledZone')
}

export function zoneOfCard(
  card: ShapeLike,
  zones: readonly ZoneInfo[],
  byId: ReadonlyMap<string, ShapeLike>,
): ZoneInfo | null {
  return zoneAtPoint(pageCentre(card, byId), zones, byId)
}

/** The zone holding a page point by the same rule: where a card dropped there would belong. */
export function zoneAtPoint(point: Point, zones: readonly ZoneInfo[], byId: ReadonlyMap<string, ShapeLike>): ZoneInfo | null {
  let best: ZoneInfo | null = null
  for (const zone of zones) {
    if (!boxContains(zone.shape, byId, point)) continue
    if (!best || compareZones(zone, best) < 0) best = zone
  }
  return best
}

function compareZones(a: ZoneInfo, b: ZoneInfo): number {
  const areaA = area(a.shape)
  const areaB = area(b.shape)
  if (areaA !== areaB) return areaA - areaB
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

function area(shape: ShapeLike): number {
  const { w, h } = shapeSize(shape)
  return w * h
}

export function zoneAccepts(zone: ZoneInfo, type: string): boolean {
  return zone.accepts.length === 0 || (zone.accepts as readonly string[]).includes(type)
}
