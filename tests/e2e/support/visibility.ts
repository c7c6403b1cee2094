import type { Locator, Page } from 'playwright-core'

// "Fully visible" as a person sees it: inside the window and not under a panel. The element's
// corners (a few pixels in) must each hit the element itself or something inside it.

export async function uncoveredCorners(page: Page, locator: Locator): Promise<{ inViewport: boolean; covered: string[] }> {
  const handle = await locator.elementHandle()
  if (!handle) throw new Error('no such element')
  return page.evaluate((element) => {
    const r = element.getBoundingClientRect()
    const inViewport = r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight
    const inset = 3
    const corners = [
      [r.left + inset, r.top + inset],
      [r.right - inset, r.top + inset],
      [r.left + inset, r.bottom - inset],
      [r.right - inset, r.bottom - inset],
    ]
    const covered = corners.flatMap(([x, y]) => {
      const hit = document.elementFromPoint(x, y)
      return hit && (element === hit || element.contains(hit)) ? [] : [`${Math.round(x)},${Math.round(y)}: ${hit?.className || hit?.tagName}`]
    })
    return { inViewport, covered }
  }, handle)
}
