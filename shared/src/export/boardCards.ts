import { pageCentre, pageCorners } from '../board/geometry'
import { readShapes, type ShapeLike } from '../board/shapeLike'
import { isCardType, type CardType } from '../cards/cardTypes'
import type { DesignSummary, ZoneSummary } from '../summary'

// The cards of a board in reading order, with the zone the summary placed each in, so the
// programme, the PDF and the CSV list cards alike: zones top to bottom then left to right, cards
// by position inside their zone, cards outside every zone last.

export interface BoardCard {
  shape: ShapeLike & { type: CardType }
  /** The zone the summary puts the card in; null outside every zone. */
  zone: ZoneSummary | null
  /** Whether the summary counts it in the totals. */
  counted: boolean
  /** Dots from the votes. */
  dots: number
}

export function boardCards(records: readonly unknown[], summary: DesignSummary): BoardCard[] {
  const shapes = readShapes(records)
  const byId = new Map(shapes.map((s) => [s.id, s]))
  const zoneRank = new Map<string, number>()
  const zoneOrder = summary.zones
    .map((zone) => ({ zone, corner: topLeft(byId.get(zone.zoneId), byId) }))
    .sort((a, b) => a.corner.y - b.corner.y || a.corner.x - b.corner.x || compareIds(a.zone.zoneId, b.zone.zoneId))
  zoneOrder.forEach(({ zone }, rank) => zoneRank.set(zone.zoneId, rank))
  const zoneOf = new Map<string, ZoneSummary>()
  for (const zone of summary.zones) for (const id of zone.cardIds) zoneOf.set(id, zone)
  const counted = new Set(summary.zones.flatMap((z) => z.countedCardIds))

  const cards = shapes
    .filter((s): s is ShapeLike & { type: CardType } => isCardType(s.type))
    .map((shape) => ({
      card: { shape, zone: zoneOf.get(shape.id) ?? null, counted: counted.has(shape.id), dots: summary.dotsByCard[shape.id] ?? 0 },
      centre: pageCentre(shape, byId),
    }))
  const rank = (card: BoardCard) => (card.zone ? (zoneRank.get(card.zone.zoneId) ?? 0) : Number.MAX_SAFE_INTEGER)
  return cards
    .sort(
      (a, b) =>
        rank(a.card) - rank(b.card) ||
        byCoordinate(a.centre.y, b.centre.y) ||
        byCoordinate(a.centre.x, b.centre.x) ||
        compareIds(a.card.shape.id, b.card.shape.id),
    )
    .map(({ card }) => card)
}

function topLeft(shape: ShapeLike | undefined, byId: ReadonlyMap<string, ShapeLike>): { x: number; y: number } {
  const corners = shape ? pageCorners(shape, byId) : []
  return corners.length > 0 && Number.isFinite(corners[0].x + corners[0].y) ? corners[0] : { x: 0, y: 0 }
}

/** NaN (a stored position that is not a number) sorts after every real position. */
function byCoordinate(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number(Number.isNaN(a)) - Number(Number.isNaN(b))
  return a - b
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
