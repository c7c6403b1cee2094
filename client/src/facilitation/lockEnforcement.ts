import type { Editor, TLShape, TLShapeId } from 'tldraw'
import { levelRefusal, zoneLevelOf, type LevelAccess } from '../../../shared/src/rules/tableEditingRule'
import { lockedAncestorOrSelf, type Locks } from '../../../shared/src/session/locks'

// Enforces the facilitator's locks and the levels' write rules in a participant's editor, with the
// rules the server applies (shared/src/session/locks.ts, shared/src/rules/tableEditingRule.ts): a
// locked zone or frame, another table's zone while editing is restricted, or the plenary's zone
// while the room sits at tables and participants may not adopt, and everything inside it, cards
// included, cannot be changed, moved, resized or deleted, so the participant never makes a change
// the server would refuse; a locked one cannot be selected either. Only this person's own actions
// are stopped ('user'); changes arriving from others ('remote') always apply.

/** Each participant's editor's "is this shape held for me"; a facilitator's has none. */
const heldIn = new WeakMap<Editor, (id: string) => boolean>()

/** Whether a lock or the levels' rules hold this shape for the person using `editor`. */
export function isHeldForMe(editor: Editor, id: string): boolean {
  return heldIn.get(editor)?.(id) ?? false
}

export function enforceLocks(editor: Editor, getLocks: () => Locks, getLevelAccess: () => LevelAccess): () => void {
  const lookup = (id: string) => {
    const shape = editor.getShape(id as TLShapeId)
    return shape && { type: shape.type, parentId: shape.parentId as string }
  }
  const isLocked = (id: string) => lockedAncestorOrSelf(getLocks(), id, lookup) !== null
  const isHeld = (id: string) =>
    isLocked(id) || levelRefusal(getLevelAccess(), zoneLevelOf((other) => editor.getShape(other as TLShapeId), id)) !== null
  heldIn.set(editor, isHeld)

  // Held before or after: nothing leaves a held zone, and nothing is moved into one.
  const stopChange = editor.sideEffects.registerBeforeChangeHandler('shape', (prev: TLShape, next: TLShape, source) =>
    source === 'user' && (isHeld(prev.id) || isHeld(next.parentId)) ? prev : next,
  )
  // Nothing new is made inside one either: tldraw asks the zone first (ZoneShapeUtil), and
  // anything made there regardless lands on the page where it was put.
  const stopCreate = editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
    if (source !== 'user' || !isHeld(shape.parentId)) return shape
    const onPage = editor.getShapePageTransform(shape.parentId as TLShapeId).applyToPoint({ x: shape.x, y: shape.y })
    return { ...shape, parentId: editor.getCurrentPageId(), x: onPage.x, y: onPage.y }
  })
  const stopDelete = editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) =>
    source === 'user' && isHeld(shape.id) ? false : undefined,
  )
  // A locked card is not selectable either, so it never looks as if it could be dragged; another
  // level's cards stay selectable, so people still vote on them from the keyboard. (Clearing
  // editingShapeId here instead would leave tldraw's select tool editing nothing, which it refuses.)
  const stopSelect = editor.sideEffects.registerBeforeChangeHandler('instance_page_state', (_prev, next, source) => {
    if (source !== 'user') return next
    const selectable = next.selectedShapeIds.filter((id) => !isLocked(id))
    return selectable.length === next.selectedShapeIds.length ? next : { ...next, selectedShapeIds: selectable }
  })
  return () => {
    heldIn.delete(editor)
    stopCreate()
    stopChange()
    stopDelete()
    stopSelect()
  }
}
