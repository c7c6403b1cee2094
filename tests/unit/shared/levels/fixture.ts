import type { TLShape, TLShapeId } from '@tldraw/tlschema'
import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import { CARD_DEFINITIONS, type CardType } from '../../../../shared/src/cards/cardTypes'
import { CONTENT_CARD_TYPE } from '../../../../shared/src/cards/content/contentCard'
import { ZONE_TYPE } from '../../../../shared/src/cards/zone/zone'
import { readRecords, recordsArray } from '../../../../shared/src/doc/recordsRoot'
import { SESSION_ROOT } from '../../../../shared/src/doc/roots'
import { makeTables, type TableDef } from '../../../../shared/src/levels/tables'
import { tableZoneCopies } from '../../../../shared/src/levels/tableZones'
import { SESSION_KEYS } from '../../../../shared/src/session/sessionKeys'
import { seedBoardDoc } from '../../../../shared/src/templates/seedBoardDoc'

// A seeded MSc board split into two tables, each with its copy of the zones, and helpers to put
// cards into a table's zone for their type.

export type Shape = TLShape & { meta: Record<string, unknown>; props: Record<string, unknown> }

let counter = 0
export const newId = () => `shape:levels${++counter}` as TLShapeId

export function levelsBoard() {
  const doc = new Y.Doc()
  seedBoardDoc(doc, { title: 'Levels', templateId: 'msc-public-services', at: 1 })
  const tables: TableDef[] = makeTables(2, (i) => `table${i + 1}`, (i) => `Table ${i + 1}`)
  const copies = tableZoneCopies(readRecords(doc), tables, {
    at: 2,
    newId,
  })
  const kv = new YKeyValue(recordsArray(doc))
  doc.transact(() => {
    for (const copy of copies) kv.set(copy.id, copy)
    doc.getMap(SESSION_ROOT).set(SESSION_KEYS.tables, tables)
  })
  const shapes = () => (readRecords(doc) as Shape[]).filter((r) => r.typeName === 'shape')
  /** The table's zone (null: the plenary's) that takes cards of `type`. */
  const zoneOf = (tableId: string | null, type: CardType) =>
    shapes().find((s) => s.type === ZONE_TYPE && (s.meta.tableId ?? null) === tableId && (s.props.accepts as string[]).includes(type))!
  const contentsOf = (tableId: string | null) => zoneOf(tableId, CONTENT_CARD_TYPE)
  const sample = shapes().find((s) => s.type === CONTENT_CARD_TYPE)!
  /** A card of `type` in the table's zone for it (null: the plenary's), at the zone's `order`-th place. */
  const addCard = (tableId: string | null, type: CardType, props: Record<string, unknown>, createdBy: string, order = 0): Shape => {
    const card = {
      ...sample,
      id: newId(),
      type,
      parentId: zoneOf(tableId, type).id,
      x: 24 + order * 280,
      y: 64,
      props: { ...CARD_DEFINITIONS[type].defaultProps(), ...props },
      meta: { createdBy, createdAt: 3, lastEditedBy: createdBy, lastEditedAt: 3 },
    } as Shape
    kv.set(card.id, card)
    return card
  }
  /** A content card in the table's Contents zone (null: the plenary's), at the zone's `order`-th place. */
  const addContent = (tableId: string | null, title: string, hours: number, createdBy: string, order = 0): Shape =>
    addCard(tableId, CONTENT_CARD_TYPE, { title, hours }, createdBy, order)
  return { doc, tables, copies, kv, shapes, zoneOf, contentsOf, addCard, addContent }
}
