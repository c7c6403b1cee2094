import type { Page } from 'playwright-core'

// Cards on top of each other, as the board holds them: every pair of card (or zone) page bounds
// that share more than an edge.

/** Cards (or zones) on the page whose boxes overlap, as pairs of ids. */
export function overlapping(page: Page, kind: 'cards' | 'zones'): Promise<string[]> {
  return page.evaluate((kind) => {
    const editor = window.__tavolo!.editor
    const isZone = (type: string) => type === 'tavolo-zone'
    const cards = editor.getCurrentPageShapes().filter((s) => s.type.startsWith('tavolo-') && isZone(s.type) === (kind === 'zones'))
    const boxes = cards.map((c) => ({ id: c.id, box: editor.getShapePageBounds(c)! }))
    const pairs: string[] = []
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const w = Math.min(a.box.maxX, b.box.maxX) - Math.max(a.box.minX, b.box.minX)
        const h = Math.min(a.box.maxY, b.box.maxY) - Math.max(a.box.minY, b.box.minY)
        if (w > 0 && h > 0) pairs.push(`${a.id} × ${b.id}`)
      }
    }
    return pairs
  }, kind)
}
