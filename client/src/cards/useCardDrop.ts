import { useEffect } from 'react'
import type { Editor } from 'tldraw'
import { isCardType } from '../../../shared/src/cards'
import { addCard, cardSize } from './addCard'
import { placementAtPoint } from './cardPlacement'

/** The drag data type of a palette button: its value is the card type. */
export const CARD_DRAG_TYPE = 'application/x-tavolo-card'

/** Lets palette buttons be dropped on the canvas: the card lands where it is dropped, unless that is a locked zone (`onLocked`). */
export function useCardDrop(editor: Editor, personId: string, onLocked: () => void): void {
  useEffect(() => {
    const container = editor.getContainer()
    const isCardDrag = (e: DragEvent) => e.dataTransfer?.types.includes(CARD_DRAG_TYPE) ?? false
    // Capture, so tldraw's own drop handling (files, links) never sees a palette drag.
    const onDragOver = (e: DragEvent) => {
      if (!isCardDrag(e)) return
      e.preventDefault()
      e.stopPropagation()
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'
    }
    const onDrop = (e: DragEvent) => {
      if (!isCardDrag(e)) return
      e.preventDefault()
      e.stopPropagation()
      const type = e.dataTransfer?.getData(CARD_DRAG_TYPE)
      if (!isCardType(type) || editor.getIsReadonly()) return
      const point = editor.screenToPage({ x: e.clientX, y: e.clientY })
      const placement = placementAtPoint(editor, point, cardSize(editor, type))
      if (placement) addCard(editor, type, placement, personId)
      else onLocked()
    }
    container.addEventListener('dragover', onDragOver, true)
    container.addEventListener('drop', onDrop, true)
    return () => {
      container.removeEventListener('dragover', onDragOver, true)
      container.removeEventListener('drop', onDrop, true)
    }
  }, [editor, personId, onLocked])
}
