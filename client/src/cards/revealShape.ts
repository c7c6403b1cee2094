import { react, type Editor, type TLShapeId } from 'tldraw'

// Brings a shape fully into view, in the part of the canvas no panel covers: the toolbar, the
// zoom control, the style panel, the page menu and the card palette float over the canvas, so a
// card "in the viewport" can still be hidden under them. Measured on screen after it renders,
// because a card being edited grows to show its whole form.

/** Panels that float over the canvas. */
const OVERLAYS = [
  '.tlui-menu-zone',
  '.tlui-style-panel__wrapper',
  '.tlui-toolbar',
  '.tlui-navigation-panel',
  '.tlui-helper-buttons',
  '.tlui-help-menu',
  '.tavolo-palette',
  '.tavolo-levels-toggle',
]
/** Room kept between the shape and the edge of the free area, in screen pixels. */
const MARGIN = 16

export function revealShape(editor: Editor, id: TLShapeId): void {
  // Two frames: one for React to render the editing form, one for layout.
  requestAnimationFrame(() => requestAnimationFrame(() => reveal(editor, id)))
}

function reveal(editor: Editor, id: TLShapeId): void {
  const container = editor.getContainer()
  // A card's own element, which grows while it is edited; else tldraw's wrapper of the shape.
  const selector = `[data-shape-id="${CSS.escape(id)}"]`
  const element = container.querySelector(`.tavolo-card${selector}`) ?? container.querySelector(`.tl-shape${selector}`)
  if (!element) return
  const free = freeArea(container)
  const target = element.getBoundingClientRect()
  const camera = editor.getCamera()
  // Too big for the free area at this zoom: zoom out until it fits.
  const fit = Math.min(1, (free.width - 2 * MARGIN) / target.width, (free.height - 2 * MARGIN) / target.height)
  const zoom = camera.z * Math.max(fit, 0.1)
  const scale = zoom / camera.z
  const width = target.width * scale
  const height = target.height * scale
  // Where the shape's top-left corner lands after zooming about it, then the shift that puts it
  // inside the free area (top and left edges win when both cannot be kept).
  const dx = shift(target.left, width, free.left + MARGIN, free.right - MARGIN)
  const dy = shift(target.top, height, free.top + MARGIN, free.bottom - MARGIN)
  if (dx === 0 && dy === 0 && scale === 1) return
  const page = editor.screenToPage({ x: target.left, y: target.top })
  const wantedScreen = { x: target.left + dx, y: target.top + dy }
  const origin = container.getBoundingClientRect()
  // screen = (page + camera) * zoom + origin, solved for the camera.
  editor.setCamera(
    { x: (wantedScreen.x - origin.left) / zoom - page.x, y: (wantedScreen.y - origin.top) / zoom - page.y, z: zoom },
    { animation: { duration: 200 } },
  )
}

/**
 * On opening, puts the board's top-left corner just inside the part of the canvas no panel covers,
 * so no zone title starts under tldraw's menu or the palette. Only a camera nobody has moved yet.
 */
export function revealBoardStart(editor: Editor): () => void {
  // The board's shapes may arrive after the editor mounts: wait for the first of them.
  let done = false
  const stop = react('board start', () => {
    if (done || !editor.getCurrentPageBounds()) return
    done = true
    requestAnimationFrame(() => requestAnimationFrame(() => moveToStart(editor)))
  })
  return stop
}

function moveToStart(editor: Editor): void {
  const camera = editor.getCamera()
  const bounds = editor.getCurrentPageBounds()
  if (!bounds || camera.x !== 0 || camera.y !== 0 || editor.getInstanceState().followingUserId) return
  const container = editor.getContainer()
  const free = freeArea(container)
  const origin = container.getBoundingClientRect()
  // screen = (page + camera) * zoom + origin, solved for the camera.
  editor.setCamera({ x: (free.left + MARGIN - origin.left) / camera.z - bounds.x, y: (free.top + MARGIN - origin.top) / camera.z - bounds.y, z: camera.z })
}

function shift(start: number, length: number, min: number, max: number): number {
  if (start < min) return min - start
  if (start + length > max) return Math.max(min - start, max - (start + length))
  return 0
}

/** The canvas minus the bands the floating panels take at its top, bottom and left. */
function freeArea(container: HTMLElement): DOMRect {
  const canvas = container.getBoundingClientRect()
  let top = canvas.top
  let bottom = canvas.bottom
  let left = canvas.left
  const middleY = canvas.top + canvas.height / 2
  for (const selector of OVERLAYS) {
    for (const panel of container.ownerDocument.querySelectorAll(selector)) {
      const r = panel.getBoundingClientRect()
      if (r.width === 0 || r.height === 0) continue
      // The palette sits at the left edge, the whole height: it takes a band on the left.
      if (selector === '.tavolo-palette') left = Math.max(left, r.right)
      else if (r.bottom <= middleY) top = Math.max(top, r.bottom)
      else if (r.top >= middleY) bottom = Math.min(bottom, r.top)
    }
  }
  return new DOMRect(left, top, canvas.right - left, bottom - top)
}
