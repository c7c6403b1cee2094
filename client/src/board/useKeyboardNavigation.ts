import { useEffect } from 'react'
import type { Editor, TLShapeId } from 'tldraw'
import { adjacentInOrder, boardReadingOrder } from '../../../shared/src/board/readingOrder'
import { isCardType, ZONE_TYPE } from '../../../shared/src/cards'
import { startEditingCard } from '../cards/addCard'
import { revealShape } from '../cards/revealShape'
import { zoneOfCard } from '../cards/zoneOnPage'
import { canvasHasFocus } from './canvasFocus'

// The canvas with the keyboard: Tab / Shift+Tab and the arrow keys walk zones and the cards in
// them in reading order (tldraw's own Tab stays among one parent's children, so it never reaches
// a zone's cards); Enter on a zone goes to its first card, Enter on a card opens its form. Tab
// past the last shape leaves the canvas, so the keyboard is never trapped, and Tab from outside
// enters it again. Escape, Delete and
// Ctrl+Z stay tldraw's. Listened for before tldraw (capture), which then does not see the key.

const FORWARD = new Set(['ArrowRight', 'ArrowDown'])
const BACKWARD = new Set(['ArrowLeft', 'ArrowUp'])

export function useKeyboardNavigation(editor: Editor | null): void {
  useEffect(() => {
    if (!editor) return
    // Keys handled on keydown: their keyup must not reach tldraw either (its Tab and Enter act on keyup).
    const handled = new Set<string>()
    const container = editor.getContainer()
    // tldraw leaves its container out of the Tab order; in it, Tab from the page before enters the
    // canvas at its first shape (Shift+Tab from after, at its last).
    container.tabIndex = 0
    let lastTab: { shift: boolean; at: number } | null = null
    const onFocus = () => {
      // Only a Tab just pressed: tldraw focuses its container itself too (after Escape, for one).
      const byTab = lastTab !== null && performance.now() - lastTab.at < 1000
      if (!byTab || editor.getSelectedShapeIds().length > 0) return
      const target = adjacentInOrder(readingOrder(editor), null, lastTab!.shift ? 'prev' : 'next') as TLShapeId | null
      if (!target) return
      // The Tab's keyup lands on the canvas next: tldraw would take it for one more step.
      handled.add('Tab')
      editor.select(target)
      revealShape(editor, target)
    }
    const onKeyDown = (e: KeyboardEvent) => {
      lastTab = e.key === 'Tab' ? { shift: e.shiftKey, at: performance.now() } : null
      if (!canvasHasFocus(editor) || e.altKey || e.ctrlKey || e.metaKey || e.isComposing) return
      const selected = editor.getOnlySelectedShape()
      const current = selected?.id ?? null
      let target: TLShapeId | null | undefined
      if (e.key === 'Tab') {
        target = adjacentInOrder(readingOrder(editor), current, e.shiftKey ? 'prev' : 'next') as TLShapeId | null
        if (target === null) {
          // Past either end: the browser moves the focus on, out of the canvas.
          editor.selectNone()
          e.stopPropagation()
          return
        }
      } else if ((FORWARD.has(e.key) || BACKWARD.has(e.key)) && !e.shiftKey) {
        target = adjacentInOrder(readingOrder(editor), current, FORWARD.has(e.key) ? 'next' : 'prev') as TLShapeId | null
        if (target === null) target = current as TLShapeId | null
      } else if (e.key === 'Enter' && selected) {
        if (isCardType(selected.type)) {
          e.preventDefault()
          e.stopPropagation()
          handled.add(e.key)
          startEditingCard(editor, selected.id)
          return
        }
        if (selected.type !== ZONE_TYPE) return
        const order = readingOrder(editor)
        const first = order[order.indexOf(selected.id) + 1] as TLShapeId | undefined
        target = first && zoneIdOf(editor, first) === selected.id ? first : undefined
      }
      if (target === undefined) return
      e.preventDefault()
      e.stopPropagation()
      handled.add(e.key)
      if (target === null || target === current) return
      editor.select(target)
      revealShape(editor, target)
    }
    const onKeyUp = (e: KeyboardEvent) => {
      if (!handled.delete(e.key)) return
      e.stopPropagation()
    }
    window.addEventListener('keydown', onKeyDown, true)
    window.addEventListener('keyup', onKeyUp, true)
    container.addEventListener('focus', onFocus)
    return () => {
      container.removeEventListener('focus', onFocus)
      window.removeEventListener('keydown', onKeyDown, true)
      window.removeEventListener('keyup', onKeyUp, true)
    }
  }, [editor])
}

function zoneIdOf(editor: Editor, id: TLShapeId): string | null {
  const shape = editor.getShape(id)
  return shape && shape.type !== ZONE_TYPE ? zoneOfCard(editor, shape) : null
}

function readingOrder(editor: Editor): string[] {
  return boardReadingOrder(
    editor.getCurrentPageShapes().flatMap((shape) => {
      const bounds = editor.getShapePageBounds(shape)
      // Only the top of each tree: a card's own parts are not stops of their own.
      const parent = editor.getShape(shape.parentId)
      if (!bounds || (parent && parent.type !== ZONE_TYPE)) return []
      return [{ id: shape.id, box: { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h }, zoneId: zoneIdOf(editor, shape.id) }]
    }),
  )
}
