import { isObject } from '../board/shapeLike'
import { RECORDS_ROOT } from '../doc/roots'
import type { BoardView } from './boardChange'
import { short } from '../wire/fieldPaths'
import { refuse, type Refusal } from './writer'

// A shape's parent must exist and the chain of parents must end at a page: two shapes that are
// each other's parent freeze every editor that draws them.

const RULE = 'parent'

/** Null when, on the board `after` the write, the shape's parents exist and end at a page. */
export function checkParentChain(shape: Record<string, unknown>, after: BoardView): Refusal | null {
  const seen = new Set<string>([String(shape.id)])
  let parentId = shape.parentId
  while (typeof parentId === 'string') {
    if (seen.has(parentId)) return refuse(RULE, `${short(String(shape.id))} would be its own ancestor`)
    seen.add(parentId)
    const parent = after.value(RECORDS_ROOT, parentId)
    if (!isObject(parent)) return refuse(RULE, `${short(String(shape.id))} has a parent that does not exist`)
    if (parent.typeName === 'page') return null
    if (parent.typeName !== 'shape') return refuse(RULE, `${short(String(shape.id))} has a parent that is not a shape or page`)
    parentId = parent.parentId
  }
  return refuse(RULE, `${short(String(shape.id))} has no parent`)
}
