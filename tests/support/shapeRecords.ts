import { createShapeId, type TLRecord } from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'
import { createTavoloSchema } from '../../shared/src/schema'

// A board's schema and whole shape records around given props, for tests of what the schema
// accepts and how it migrates.

export const boardSchema = createTavoloSchema()

export function shapeRecord(type: string, props: Record<string, unknown>): TLRecord {
  return {
    id: createShapeId(),
    typeName: 'shape',
    type,
    x: 0,
    y: 0,
    rotation: 0,
    index: 'a1' as IndexKey,
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    props,
    meta: {},
  } as unknown as TLRecord
}

/** Whether the board schema accepts a shape of `type` with these props. */
export function isValidShape(type: string, props: Record<string, unknown>): boolean {
  try {
    boardSchema.types.shape.validate(shapeRecord(type, props))
    return true
  } catch {
    return false
  }
}
