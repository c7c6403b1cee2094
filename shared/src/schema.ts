import { createTLSchema, defaultShapeSchemas, type SchemaPropsInfo, type TLSchema } from '@tldraw/tlschema'
import './cards/shapePropsMap'
import { CONTENT_CARD_TYPE, contentCardMigrations, contentCardProps } from './cards/contentCard'
import { EXAM_CARD_TYPE, examCardMigrations, examCardProps } from './cards/examCard'
import { FORMAT_CARD_TYPE, formatCardMigrations, formatCardProps } from './cards/formatCard'
import { IDEA_CARD_TYPE, ideaCardMigrations, ideaCardProps } from './cards/ideaCard'
import { ZONE_TYPE, zoneMigrations, zoneProps } from './cards/zone'

// One place that lists Tavolo's shapes with their validators and migrations. The server builds
// its schema from it; the client's ShapeUtils use the same objects as `static props` and
// `static migrations`, so both sides validate and migrate identically.

export const TAVOLO_SHAPE_TYPES = [
  CONTENT_CARD_TYPE,
  FORMAT_CARD_TYPE,
  EXAM_CARD_TYPE,
  IDEA_CARD_TYPE,
  ZONE_TYPE,
] as const
export type TavoloShapeType = (typeof TAVOLO_SHAPE_TYPES)[number]

export const tavoloShapeSchemas = {
  [CONTENT_CARD_TYPE]: { props: contentCardProps, migrations: contentCardMigrations },
  [FORMAT_CARD_TYPE]: { props: formatCardProps, migrations: formatCardMigrations },
  [EXAM_CARD_TYPE]: { props: examCardProps, migrations: examCardMigrations },
  [IDEA_CARD_TYPE]: { props: ideaCardProps, migrations: ideaCardMigrations },
  [ZONE_TYPE]: { props: zoneProps, migrations: zoneMigrations },
} satisfies Record<TavoloShapeType, SchemaPropsInfo>

/** The full store schema of a board: tldraw's default shapes plus Tavolo's. */
export function createTavoloSchema(): TLSchema {
  return createTLSchema({ shapes: { ...defaultShapeSchemas, ...tavoloShapeSchemas } })
}

export function isTavoloShapeType(value: unknown): value is TavoloShapeType {
  return typeof value === 'string' && (TAVOLO_SHAPE_TYPES as readonly string[]).includes(value)
}
