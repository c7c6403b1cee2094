import { getIndexAbove, type IndexKey } from '@tldraw/utils'
import { placeCardInZone, zonesPushedDown, type Rect } from '../board/cardPlacement'
import { inReadingOrder } from '../board/readingOrder'
import { isObject, readShapes, type ShapeLike } from '../board/shapeLike'
import { readCardMeta } from '../cards/cardMeta'
import { DEFAULT_PAGE_ID } from '../doc/defaultRecords'
import { checkDraftCard } from '../rules/draftRule'
import { readZones, zoneAccepts } from '../summary/zoneMembership'
import { STARTER_LAYOUT } from '../templates/templateRecords'
import { DRAFT_ROUND_META } from './drafting'

// The facilitator's reveal, as pure data: every draft's cards go onto the board, each into the
// zone it was drafted for, at the zone's first free place (placeCardInZone), so none lands on an
// existing card or on another revealed one; a full zone grows and pushes the zones below it down.
// A card whose zone is gone goes to the first zone (reading order) that takes its type, else the
// first zone; on a board without zones, in a row on the page below everything. Cards keep their
// ids (a taken id gets a new one) and are marked with the round they were drafted in.

export interface PersonDraft {
  personId: string
  /** The draft document's records. */
  records: readonly unknown[]
}

export interface RevealPlan {
  /** Board records to write: the revealed cards, and the zones grown or pushed down for them. */
  records: Record<string, unknown>[]
  /** Per person, every record id their draft held (all of them leave the draft). */
  taken: Map<string, string[]>
  cards: number
  /** People with at least one card revealed. */
  people: number
}

export interface RevealOptions {
  /** The board's records. */
  board: readonly unknown[]
  drafts: readonly PersonDraft[]
  roundId: string | null
  newId: () => string
}

interface Box extends Rect {
  id: string
  parentId: string
}

type Card = Record<string, unknown> & { id: string; props: Record<string, unknown>; meta: Record<string, unknown> }

export function planReveal({ board, drafts, roundId, newId }: RevealOptions): RevealPlan {
  const raw = new Map<string, Record<string, unknown>>()
  for (const record of board) if (isObject(record) && typeof record.id === 'string') raw.set(record.id, record)
  const shapes = readShapes(board)
  const zones = inReadingOrder(readZones(shapes).map((zone) => ({ ...zone, box: boxOf(zone.shape) })))
  const boxes = new Map<string, Box>(zones.map((zone) => [zone.id, { ...zone.box, id: zone.id, parentId: zone.shape.parentId }]))
  const occupied = new Map<string, Rect[]>(zones.map((zone) => [zone.id, []]))
  const topIndex = new Map<string, string>()
  for (const shape of shapes) {
    occupied.get(shape.parentId)?.push(boxOf(shape))
    const top = topIndex.get(shape.parentId)
    if (shape.index !== '' && (top === undefined || shape.index > top)) topIndex.set(shape.parentId, shape.index)
  }
  const usedIds = new Set(raw.keys())
  const changedZones = new Set<string>()
  const taken = new Map<string, string[]>()
  const cards: { personId: string; card: Card }[] = []
  for (const { personId, records } of drafts) {
    const ids: string[] = []
    for (const record of records) {
      if (!isObject(record) || typeof record.id !== 'string') continue
      ids.push(record.id)
      // The relay let only valid cards in; one that is not (never expected) leaves with the rest.
      if (!checkDraftCard(personId, record.id, record)) cards.push({ personId, card: record as Card })
    }
    taken.set(personId, ids)
  }
  // Earliest drafted first, whoever drafted it, so the zones fill in the order the room thought.
  cards.sort((a, b) => (readCardMeta(a.card.meta).createdAt ?? 0) - (readCardMeta(b.card.meta).createdAt ?? 0) || compare(a.card.id, b.card.id))

  const zoneFor = (card: Card): Box | null => {
    const drafted = boxes.get(String(card.parentId))
    if (drafted) return drafted
    const fallback = zones.find((zone) => zoneAccepts(zone, String(card.type))) ?? zones[0]
    return fallback ? boxes.get(fallback.id)! : null
  }
  const grow = (zone: Box, height: number) => {
    const siblings = [...boxes.values()].filter((other) => other.parentId === zone.parentId)
    for (const { id, y } of zonesPushedDown(zone, height, siblings)) {
      boxes.get(id)!.y = y
      changedZones.add(id)
    }
    zone.h = height
    changedZones.add(zone.id)
  }
  const pageRow = pageRowBelow(shapes)
  const revealed: Record<string, unknown>[] = []
  for (const { card } of cards) {
    const size = { w: Number(card.props.w), h: Number(card.props.h) }
    const zone = zoneFor(card)
    let parentId: string
    let spot: { x: number; y: number }
    if (zone) {
      const place = placeCardInZone(zone, occupied.get(zone.id)!, size)
      if (place.zoneHeight > zone.h) grow(zone, place.zoneHeight)
      occupied.get(zone.id)!.push({ ...place, ...size })
      parentId = zone.id
      spot = place
    } else {
      parentId = pageRow.pageId
      spot = { x: pageRow.x, y: pageRow.y }
      pageRow.x += size.w + STARTER_LAYOUT.gap
    }
    const id = usedIds.has(card.id) ? newId() : card.id
    usedIds.add(id)
    const index = getIndexAbove((topIndex.get(parentId) ?? null) as IndexKey | null)
    topIndex.set(parentId, index)
    const meta = roundId === null ? card.meta : { ...card.meta, [DRAFT_ROUND_META]: roundId }
    revealed.push({ ...card, id, parentId, index, x: spot.x, y: spot.y, meta })
  }
  const grownZones = [...changedZones].map((id) => {
    const record = raw.get(id)!
    const box = boxes.get(id)!
    return { ...record, y: box.y, props: { ...(record.props as object), h: box.h } }
  })
  return {
    records: [...revealed, ...grownZones],
    taken,
    cards: revealed.length,
    people: new Set(cards.map((entry) => entry.personId)).size,
  }
}

function boxOf(shape: ShapeLike): Rect {
  return { x: shape.x, y: shape.y, w: Number(shape.props.w) || 0, h: Number(shape.props.h) || 0 }
}

/** Where a row of cards starts on a board without zones: left-aligned, below every page-level shape. */
function pageRowBelow(shapes: readonly ShapeLike[]): { pageId: string; x: number; y: number } {
  const onPage = shapes.filter((shape) => shape.parentId.startsWith('page:') && Number.isFinite(shape.x) && Number.isFinite(shape.y))
  const pageId = onPage[0]?.parentId ?? DEFAULT_PAGE_ID
  const bottom = Math.max(0, ...onPage.map((shape) => shape.y + boxOf(shape).h))
  const left = onPage.length > 0 ? Math.min(...onPage.map((shape) => shape.x)) : 0
  return { pageId, x: left, y: onPage.length > 0 ? bottom + STARTER_LAYOUT.padding : 0 }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
