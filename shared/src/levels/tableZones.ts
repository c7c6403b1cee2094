import type { TLPageId, TLShape, TLShapeId } from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'
import { T } from '@tldraw/validate'
import { isObject, readShapes } from '../board/shapeLike'
import { isCardType, type CardType } from '../cards/cardTypes'
import { ZONE_TYPE } from '../cards/zone/zone'
import { zoneIndex, zoneOfCard } from '../summary/zoneMembership'
import type { Template } from '../templates/template'
import { templateRecords } from '../templates/templateRecords'
import { zoneTableId, type TableDef } from './tables'

// Each table gets its own copy of the plenary's zones (the template's, as the facilitator left
// them), empty, placed side by side to the right of the plenary and named after the table, so
// every table drafts its own programme and the plenary keeps the room's.

/** Horizontal gap between the plenary and each table's copy, in canvas units. */
export const TABLE_GAP = 160

interface ZoneBox {
  id: string
  parentId: string
  x: number
  y: number
  w: number
  h: number
  title: string
  accepts: CardType[]
}

/** The page-level zones with no table: the plenary's programme. */
export function plenaryZones(records: readonly unknown[]): ZoneBox[] {
  return readShapes(records)
    .filter((s) => s.type === ZONE_TYPE && zoneTableId(s.meta) === null && s.parentId.startsWith('page:'))
    .map((s) => ({
      id: s.id,
      parentId: s.parentId,
      x: s.x,
      y: s.y,
      w: Number(s.props.w),
      h: Number(s.props.h),
      title: typeof s.props.title === 'string' ? s.props.title : '',
      accepts: Array.isArray(s.props.accepts) ? s.props.accepts.filter(isCardType) : [],
    }))
    .filter((z) => [z.x, z.y, z.w, z.h].every(Number.isFinite))
}

/** How a table's copy of a zone is titled: "<table> · <zone>". */
export function tableZoneTitle(table: TableDef, zoneTitle: string): string {
  return `${table.name} · ${zoneTitle}`
}

/** The new titles of a renamed table's zones: those still titled after its old name (a title someone rewrote stays). */
export function renamedZoneTitles(records: readonly unknown[], before: TableDef, after: TableDef): { id: TLShapeId; title: string }[] {
  const prefix = tableZoneTitle(before, '')
  return readShapes(records)
    .filter((s) => s.type === ZONE_TYPE && zoneTableId(s.meta) === before.id && typeof s.props.title === 'string' && s.props.title.startsWith(prefix))
    .map((s) => ({ id: s.id as TLShapeId, title: tableZoneTitle(after, String(s.props.title).slice(prefix.length)) }))
}

export interface TableZoneOptions {
  at: number
  newId?: () => TLShapeId
}

/** New zone records: one copy of the plenary's zones per table, side by side; none on a board without zones. */
export function tableZoneCopies(records: readonly unknown[], tables: readonly TableDef[], options: TableZoneOptions): TLShape[] {
  const zones = plenaryZones(records)
  if (zones.length === 0) return []
  const minX = Math.min(...zones.map((z) => z.x))
  const minY = Math.min(...zones.map((z) => z.y))
  const width = Math.max(...zones.map((z) => z.x + z.w)) - minX
  // On the plenary's page, stacked above everything already there.
  const pageId = zones[0].parentId as TLPageId
  const pageIndices = readShapes(records).filter((s) => s.parentId === pageId && T.indexKey.isValid(s.index)).map((s) => s.index)
  let indexAbove = pageIndices.length === 0 ? null : (pageIndices.reduce((a, b) => (b > a ? b : a)) as IndexKey)
  const copies: TLShape[] = []
  tables.forEach((table, order) => {
    // The template geometry of the zones, relative to the plenary's top-left corner.
    const template = {
      zones: zones.map((z) => ({ key: z.id, title: tableZoneTitle(table, z.title), x: z.x - minX, y: z.y - minY, w: z.w, h: z.h, accepts: z.accepts })),
      starterCards: [],
    } as unknown as Template
    const origin = { x: minX + (order + 1) * (width + TABLE_GAP), y: minY }
    const shapes = templateRecords(template, { pageId, origin, indexAbove, at: options.at, newId: options.newId })
    for (const shape of shapes) copies.push({ ...shape, meta: { ...shape.meta, tableId: table.id } } as TLShape)
    indexAbove = shapes[shapes.length - 1].index
  })
  return copies
}

/**
 * The records of one level: a table's zones and the cards in them, or (null) the plenary's zones,
 * their cards and anything outside every zone. Records that are not shapes are kept, so the
 * summary, comparison and exports run on a table exactly as on a whole board.
 */
export function recordsOfLevel(records: readonly unknown[], tableId: string | null): unknown[] {
  const levelOf = levels(records)
  return records.filter((r) => !isObject(r) || r.typeName !== 'shape' || levelOf(String(r.id)) === tableId)
}

/**
 * Which level each shape is on: a zone's own `meta.tableId`, a card's zone's (by geometry, as the
 * summary counts it); null for the plenary, anything outside every zone, and unknown ids.
 */
export function levels(records: readonly unknown[]): (shapeId: string) => string | null {
  const { zones, byId } = zoneIndex(readShapes(records))
  return (shapeId) => {
    const shape = byId.get(shapeId)
    if (!shape) return null
    if (shape.type === ZONE_TYPE) return zoneTableId(shape.meta)
    const zone = zoneOfCard(shape, zones, byId)
    return zone ? zoneTableId(zone.shape.meta) : null
  }
}
