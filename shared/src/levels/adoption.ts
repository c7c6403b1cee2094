import type { TLShape, TLShapeId } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { isObject, readShapes } from '../board/shapeLike'
import { placeCardInZone, type Rect } from '../board/cardPlacement'
import { readCardMeta, TEMPLATE_AUTHOR } from '../cards/cardMeta'
import type { ZONE_TYPE } from '../cards/zone/zone'
import { storedId } from '../wire/validation'
import { MAX_BUDGET_HOURS } from './budgets'
import { storedTableId } from './tables'
import { plenaryZones } from './tableZones'

// Adopting a table's card (a content, lecture format or exam) into the plenary: a copy goes into
// the plenary zone that takes its type, placed like any new card (cardPlacement.ts), and keeps where it came from in `meta.adoptedFrom`: the table, the
// original card, its authors and their roles, and (when a budget round gave it hours) the hours
// each role gave it, so the exports can credit it after the tables are gone.

export interface AdoptedFrom {
  tableId: string
  cardId: string
  /** Person ids who created or last edited the original (the template excluded). */
  authors: string[]
  /** person id → role, as `people` said when it was adopted. */
  roles: Record<string, string>
  /** role → median hours from the budget round, when there was one. */
  hoursByRole?: Record<string, number>
}

const medianHours = T.number.check((hours) => {
  if (!(hours >= 0 && hours <= MAX_BUDGET_HOURS)) throw new T.ValidationError(`Expected 0 to ${MAX_BUDGET_HOURS} hours`)
})

/** A card's `meta.adoptedFrom`, as adoptCard writes it. */
export const storedAdoptedFrom: T.Validator<AdoptedFrom> = T.object({
  tableId: storedTableId,
  cardId: storedId,
  authors: T.arrayOf(storedId),
  // Roles as `people` said them: an older entry may have none ('').
  roles: T.dict(storedId, T.string),
  hoursByRole: T.dict(T.string, medianHours).optional(),
})

/** Where an adopted card came from, or null for a card that was not adopted (or says so unreadably). */
export function readAdoptedFrom(meta: unknown): AdoptedFrom | null {
  const value = isObject(meta) ? meta.adoptedFrom : undefined
  return storedAdoptedFrom.isValid(value) ? value : null
}

/**
 * The plenary zone a card of `type` is adopted into: the first that names the type, else the first
 * that takes any card; null when the plenary has none (the facilitator adds one first).
 */
export function plenaryZoneFor(records: readonly unknown[], type: string): TLShape<typeof ZONE_TYPE> | null {
  const zones = plenaryZones(records)
  const zone = zones.find((z) => (z.accepts as readonly string[]).includes(type)) ?? zones.find((z) => z.accepts.length === 0)
  return zone ? ((records.find((r) => isObject(r) && r.id === zone.id) as TLShape<typeof ZONE_TYPE> | undefined) ?? null) : null
}

export interface AdoptOptions {
  card: TLShape
  tableId: string
  /** The plenary zone it goes into. */
  zone: TLShape
  /** Every record on the board (to find the free place in the zone). */
  records: readonly unknown[]
  roleOf: (personId: string) => string
  hoursByRole?: Record<string, number>
  /** The adopter, credited as the copy's creator. */
  personId: string
  at: number
  newId: () => TLShapeId
}

/** The plenary copy of a card and the zone's height with it in (it grows when full). */
export function adoptCard(options: AdoptOptions): { card: TLShape; zoneHeight: number } {
  const { card, zone } = options
  const stored = readCardMeta(card.meta)
  const authors = [...new Set([stored.createdBy, stored.lastEditedBy])].filter((id): id is string => id !== null && id !== TEMPLATE_AUTHOR)
  const adoptedFrom: AdoptedFrom = {
    tableId: options.tableId,
    cardId: card.id,
    authors,
    roles: Object.fromEntries(authors.map((id) => [id, options.roleOf(id)])),
    ...(options.hoursByRole ? { hoursByRole: options.hoursByRole } : {}),
  }
  const size = { w: Number((card.props as { w?: number }).w ?? 0), h: Number((card.props as { h?: number }).h ?? 0) }
  const zoneSize = { w: Number((zone.props as { w?: number }).w ?? 0), h: Number((zone.props as { h?: number }).h ?? 0) }
  const occupied: Rect[] = readShapes(options.records)
    .filter((s) => s.parentId === zone.id)
    .map((s) => ({ x: s.x, y: s.y, w: Number(s.props.w), h: Number(s.props.h) }))
  const place = placeCardInZone(zoneSize, occupied, size)
  const copy = {
    ...card,
    id: options.newId(),
    parentId: zone.id,
    x: place.x,
    y: place.y,
    meta: { createdBy: options.personId, createdAt: options.at, lastEditedBy: options.personId, lastEditedAt: options.at, adoptedFrom },
  } as unknown as TLShape
  return { card: copy, zoneHeight: place.zoneHeight }
}
