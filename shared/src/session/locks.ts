import { T } from '@tldraw/validate'
import { ZONE_TYPE } from '../cards/zone/zone'
import { jsonObject, storedId, validEntries } from '../wire/validation'

// The facilitator locks the structure of a template: zones and frames. A locked shape and
// everything inside it (its descendants: zones, frames and cards) cannot be moved, resized,
// edited, deleted or unlocked by participants; the server refuses such writes
// (shared/src/rules/lockRule.ts), and clients use the same function to show them read-only.
// Locks live in `session.locks` (facilitator-only), not in tldraw's own `isLocked` prop, which
// any editor could change.

/** shape id → true for each locked shape. */
export type Locks = Readonly<Record<string, true>>

export const LOCKABLE_SHAPE_TYPES: readonly string[] = [ZONE_TYPE, 'frame']

export function isLockableType(shapeType: string): boolean {
  return LOCKABLE_SHAPE_TYPES.includes(shapeType)
}

/** Whether the facilitator locked this very shape. */
export function isLocked(locks: Locks, shapeId: string): boolean {
  return Object.hasOwn(locks, shapeId) && locks[shapeId] === true
}

/** The locks with `shapeId` locked or unlocked: a new object to write to `session.locks`. */
export function withLock(locks: Locks, shapeId: string, locked: boolean): Locks {
  if (!shapeId) throw new Error('A lock needs a shape id')
  const { [shapeId]: _previous, ...others } = locks
  return locked ? { ...others, [shapeId]: true } : others
}

/** What lockedAncestorOrSelf needs to know of a shape: editor.getShape or a Map's get both fit. */
export type ShapeLookup = (shapeId: string) => { type: string; parentId: string } | undefined

/** The locked shape that holds `shapeId`: itself or its nearest locked ancestor, or null when free. */
export function lockedAncestorOrSelf(locks: Locks, shapeId: string, getShape: ShapeLookup): string | null {
  const seen = new Set<string>()
  let id = shapeId
  let shape = getShape(id)
  while (shape && !seen.has(id)) {
    if (isLockableType(shape.type) && isLocked(locks, id)) return id
    seen.add(id)
    id = shape.parentId
    shape = getShape(id)
  }
  return null
}

const LOCKED = T.literal(true)

/** `session.locks`: shape id → true, for each locked shape. */
export const storedLocks: T.Validator<Locks> = jsonObject(T.dict(storedId, LOCKED))

/** `session.locks` as read: its well-formed entries, so one bad entry does not unlock every other shape. */
export const readableLocks: T.Validator<Locks> = validEntries(storedId, LOCKED)
