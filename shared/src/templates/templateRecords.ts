import { createShapeId, type TLPageId, type TLParentId, type TLShape, type TLShapeId } from '@tldraw/tlschema'
import { getIndicesAbove, type IndexKey } from '@tldraw/utils'
import { TEMPLATE_AUTHOR, newCardMeta } from '../cards/cardMeta'
import { CARD_DEFINITIONS } from '../cards/cardTypes'
import { ZONE_TYPE } from '../cards/zone/zone'
import type { StarterCard, Template, TemplateZone } from './template'

/** Spacing of starter cards inside a zone: below the zone's title, left to right, then down. */
export const STARTER_LAYOUT = { padding: 24, header: 64, gap: 20 } as const

export interface TemplateRecordsOptions {
  /** The page the zones go on. */
  pageId: TLPageId
  /** Added to every zone's position, to place a template beside existing content. */
  origin: { x: number; y: number }
  /** The zones are stacked above this page-level index (null on an empty page). */
  indexAbove: IndexKey | null
  /** Creation time written into each record's meta (ms since the epoch). */
  at: number
  newId?: () => TLShapeId
}

/** The zone shapes (on the page) and starter cards (children of their zone) of a template. */
export function templateRecords(template: Template, options: TemplateRecordsOptions): TLShape[] {
  const newId = options.newId ?? (() => createShapeId())
  const meta = newCardMeta(TEMPLATE_AUTHOR, options.at)
  const zoneIndices = getIndicesAbove(options.indexAbove, template.zones.length)
  const records: TLShape[] = []
  template.zones.forEach((zone, zoneOrder) => {
    const zoneId = newId()
    records.push(
      shapeRecord({
        id: zoneId,
        type: ZONE_TYPE,
        parentId: options.pageId,
        index: zoneIndices[zoneOrder],
        x: options.origin.x + zone.x,
        y: options.origin.y + zone.y,
        props: { w: zone.w, h: zone.h, title: zone.title, accepts: [...zone.accepts] },
        meta,
      }),
    )
    const cards = template.starterCards.filter((card) => card.zone === zone.key)
    const cardIndices = getIndicesAbove(null, cards.length)
    cards.forEach((card, order) => {
      const props = starterCardProps(card)
      records.push(
        shapeRecord({
          id: newId(),
          type: card.type,
          parentId: zoneId,
          index: cardIndices[order],
          ...starterCardPosition(zone, order, props),
          props,
          meta,
        }),
      )
    })
  })
  return records
}

export function starterCardProps(card: StarterCard): Record<string, unknown> & { w: number; h: number } {
  return { ...CARD_DEFINITIONS[card.type].defaultProps(), ...card.props }
}

/** Zone-relative position of the `order`-th starter card: a grid as wide as the zone allows. */
export function starterCardPosition(zone: Pick<TemplateZone, 'w'>, order: number, size: { w: number; h: number }) {
  const { padding, header, gap } = STARTER_LAYOUT
  const columns = Math.max(1, Math.floor((zone.w - 2 * padding + gap) / (size.w + gap)))
  return {
    x: padding + (order % columns) * (size.w + gap),
    y: header + Math.floor(order / columns) * (size.h + gap),
  }
}

function shapeRecord(fields: {
  id: TLShapeId
  type: string
  parentId: TLParentId
  index: IndexKey
  x: number
  y: number
  props: Record<string, unknown>
  meta: Record<string, string | number>
}): TLShape {
  // The fields and defaults of a shape record as tldraw 5 writes them (checked by the unit tests
  // against the schema's validators).
  return {
    typeName: 'shape',
    rotation: 0,
    isLocked: false,
    opacity: 1,
    ...fields,
    meta: { ...fields.meta },
  } as TLShape
}
