import type { Editor } from 'tldraw'

/**
 * The canvas itself has the keyboard focus (not a field, button or menu inside it) and nothing is
 * being edited: the board's own keys (moving through shapes, voting) apply only then.
 */
export function canvasHasFocus(editor: Editor): boolean {
  const active = document.activeElement
  const container = editor.getContainer()
  const onCanvas = active === container || (active instanceof HTMLElement && active.classList.contains('tl-canvas') && container.contains(active))
  return onCanvas && editor.getEditingShapeId() === null && editor.menus.getOpenMenus().length === 0
}
