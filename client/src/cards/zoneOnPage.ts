import type { Editor, Signal, TLParentId, TLShape, TLStore, VecLike } from 'tldraw'
import { readShapes } from '../../../shared/src/board/shapeLike'
import { ZONE_TYPE } from '../../../shared/src/cards'
import { zoneAtPoint, zoneIndex, zoneOfCard as zoneHolding, type ZoneInfo } from '../../../shared/src/summary/zoneMembership'

// The shared "which zone holds this" rule (shared/src/summary/zoneMembership.ts) asked of the
// editor's page, or of the store before there is an editor (draft routing), so placing, voting,
// keyboard moves and drafting agree with the summary and the exports. Only the zones are read.

type Ancestors = (shape: TLShape) => readonly TLShape[]

/** The zones and the card, with what their page positions need (their ancestors). */
function zonesAround(zones: readonly TLShape[], card: TLShape | undefined, ancestors: Ancestors) {
  const related = [...(card ? [card] : []), ...zones].flatMap((shape) => [shape, ...ancestors(shape)])
  return zoneIndex(readShapes(related))
}

function zoneAmong(zones: readonly TLShape[], card: TLShape, ancestors: Ancestors): string | null {
  const around = zonesAround(zones, card, ancestors)
  const own = around.byId.get(card.id)
  return own ? (zoneHolding(own, around.zones, around.byId)?.id ?? null) : null
}

const pageZones = (editor: Editor) => editor.getCurrentPageShapes().filter((shape) => shape.type === ZONE_TYPE)

/** The id of the zone a card lies in, or null. */
export function zoneOfCard(editor: Editor, card: TLShape): string | null {
  return zoneAmong(pageZones(editor), card, (shape) => editor.getShapeAncestors(shape))
}

/** The zone a card dropped at this page point would belong to, or null. */
export function zoneAtPagePoint(editor: Editor, point: VecLike): ZoneInfo | null {
  const { zones, byId } = zonesAround(pageZones(editor), undefined, (shape) => editor.getShapeAncestors(shape))
  return zoneAtPoint(point, zones, byId)
}

/** A live query of the store's zones: its value changes only when a zone does, not when a card moves. */
export function storeZones(store: TLStore): Signal<TLShape[]> {
  return store.query.records('shape', () => ({ type: { eq: ZONE_TYPE } }))
}

/** zoneOfCard for a store: its zones by a live query made once, its ancestors by their parent ids. */
export function storeZoneOfCard(store: TLStore): (card: TLShape) => string | null {
  const zones = storeZones(store)
  const ancestors = (shape: TLShape) => {
    const found: TLShape[] = []
    for (let parent = store.get(shape.parentId as TLParentId); parent?.typeName === 'shape' && !found.includes(parent); parent = store.get(parent.parentId)) {
      found.unshift(parent)
    }
    return found
  }
  return (card) => zoneAmong(zones.get(), card, ancestors)
}
