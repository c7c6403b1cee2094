import { createTLSchema, defaultShapeSchemas, type SchemaPropsInfo, type TLSchema } from '@tldraw/tlschema'
import './cards/shapePropsMap'
import { CARD_DEFINITIONS, CARD_TYPES } from './cards/cardTypes'
import { ZONE_TYPE, zoneMigrations, zoneProps } from './cards/zone/zone'

// One place that lists Tavolo's shapes with their validators and migrations. The server builds
// its schema from it; the client's ShapeUtils use the same objects as `static props` and
// `static migrations` (client/src/shapes/), so both sides validate and migrate identically.

export const TAVOLO_SHAPE_TYPES = [...CARD_TYPES, ZONE_TYPE] as const
export type TavoloShapeType = (typeof TAVOLO_SHAPE_TYPES)[number]

// A card definition is a SchemaPropsInfo: its `props` and `migrations` are what tldraw reads.
export const tavoloShapeSchemas = {
  ...CARD_DEFINITIONS,
  [ZONE_TYPE]: { props: zoneProps, migrations: zoneMigrations },
} satisfies Record<TavoloShapeType, SchemaPropsInfo>

/** The full store schema of a board: tldraw's default shapes plus Tavolo's. */
export function createTavoloSchema(): TLSchema {
  return createTLSchema({ shapes: { ...defaultShapeSchemas, ...tavoloShapeSchemas } })
}

export function isTavoloShapeType(value: unknown): value is TavoloShapeType {
  return typeof value === 'string' && (TAVOLO_SHAPE_TYPES as readonly string[]).includes(value)
}
