import { createShapeId, type Editor, type TLShapeId } from 'tldraw'
import { newCardMeta, type CardType } from '../../../shared/src/cards'
import type { CardPlacement } from './cardPlacement'

// Adding a card: created with its creator in `meta`, put in its zone (a child, so it moves with
// the zone), selected, and opened for editing so typing fills it straight away.

export function cardSize(editor: Editor, type: CardType): { w: number; h: number } {
  const { w, h } = editor.getShapeUtil(type).getDefaultProps() as { w: number; h: number }
  return { w, h }
}

export function addCard(editor: Editor, type: CardType, placement: CardPlacement, personId: string): TLShapeId {
  const id = createShapeId()
  editor.run(() => {
    editor.markHistoryStoppingPoint('add card')
    editor.createShape({ id, type, x: placement.x, y: placement.y, meta: newCardMeta(personId, Date.now()) })
    if (placement.zoneId) editor.reparentShapes([id], placement.zoneId)
    editor.select(id)
  })
  startEditingCard(editor, id)
  return id
}

/** Opens a card's fields for editing, as a double-click or Enter does. */
export function startEditingCard(editor: Editor, id: TLShapeId): void {
  const shape = editor.getShape(id)
  if (!shape || !editor.canEditShape(shape)) return
  editor.setCurrentTool('select')
  editor.setEditingShape(shape)
  editor.setCurrentTool('select.editing_shape', { target: 'shape', shape })
}
