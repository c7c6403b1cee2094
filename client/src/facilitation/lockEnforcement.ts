import type { Editor, TLShape, TLShapeId } from 'tldraw'
import { lockedAncestorOrSelf, type Locks } from '../../../shared/src/session/locks'

// Enforces the facilitator's locks in a participant's editor, with the rule the server applies
// (shared/src/session/locks.ts): a locked zone or frame and everything inside it, cards included,
// cannot be selected, changed, moved, resized or deleted, so the participant never makes a change
// the server would refuse. Only this person's own actions are stopped ('user'); changes arriving
// from others ('remote') always apply.

export function enforceLocks(editor: Editor, getLocks: () => Locks): () => void {
  const lookup = (id: string) => {
    const shape = editor.getShape(id as TLShapeId)
    return shape && { type: shape.type, parentId: shape.parentId as string }
  }
  const isHeld = (id: string) => lockedAncestorOrSelf(getLocks(), id, lookup) !== null

  // Held before or after: nothing leaves a locked zone, and nothing is moved into one.
  const stopChange = editor.sideEffects.registerBeforeChangeHandler('shape', (prev: TLShape, next: TLShape, source) =>
    source === 'user' && (isHeld(prev.id) || isHeld(next.parentId)) ? prev : next,
  )
  const stopDelete = editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) =>
    source === 'user' && isHeld(shape.id) ? false : undefined,
  )
  // Not selectable either, so a held card or zone never looks as if it could be dragged. (Clearing
  // editingShapeId here instead would leave tldraw's select tool editing nothing, which it refuses.)
  const stopSelect = editor.sideEffects.registerBeforeChangeHandler('instance_page_state', (_prev, next, source) => {
    if (source !== 'user') return next
    const selectable = next.selectedShapeIds.filter((id) => !isHeld(id))
    return selectable.length === next.selectedShapeIds.length ? next : { ...next, selectedShapeIds: selectable }
  })
  return () => {
    stopChange()
    stopDelete()
    stopSelect()
  }
}
