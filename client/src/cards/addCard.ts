import { createShapeId, type Editor, type TLShapeId } from 'tldraw'
import { newCardMeta, ZONE_TYPE, type CardType } from '../../../shared/src/cards'
import type { CardPlacement } from './cardPlacement'
import { growZone } from './growZone'
import { revealShape } from './revealShape'

// Adding a card: created with its creator in `meta`, put in its zone (a child, so it moves with
// the zone; the zone grows when it is full), selected, opened for editing so typing fills it
// straight away, and brought into view with its whole form.

export function cardSize(editor: Editor, type: CardType): { w: number; h: number } {
  const { w, h } = editor.getShapeUtil(type).getDefaultProps() as { w: number; h: number }
  return { w, h }
}

export function addCard(editor: Editor, type: CardType, placement: CardPlacement, personId: string): TLShapeId {
  const id = createShapeId()
  const { zoneId, zoneHeight } = placement
  editor.run(() => {
    editor.markHistoryStoppingPoint('add card')
    const zone = zoneId ? editor.getShape(zoneId) : undefined
    if (zone?.type === ZONE_TYPE && zoneHeight !== undefined) growZone(editor, zone, zoneHeight)
    editor.createShape({
      id,
      type,
      ...(zone ? { parentId: zone.id } : {}),
      x: placement.x,
      y: placement.y,
      meta: newCardMeta(personId, Date.now()),
    })
    editor.select(id)
  })
  startEditingCard(editor, id)
  return id
}

/** Opens a card's fields for editing, as a double-click or Enter does, and shows it whole. */
export function startEditingCard(editor: Editor, id: TLShapeId): void {
  const shape = editor.getShape(id)
  if (!shape || !editor.canEditShape(shape)) return
  editor.setCurrentTool('select')
  editor.setEditingShape(shape)
  editor.setCurrentTool('select.editing_shape', { target: 'shape', shape })
  revealShape(editor, id)
}
