import type { Page } from 'playwright-core'

// Steps a person takes in the app, through its real UI; `window.__tavolo.editor` is read only to
// check what the board contains.

// Generous: the e2e suite often runs on a shared two-core machine where a board takes 20 s to open.
export const WAIT = { timeout: 60_000 }

export async function createWorkshop(
  page: Page,
  origin: string,
  title: string,
  template = 'blank',
): Promise<{ boardId: string; secret: string }> {
  await page.goto(`${origin}/`)
  await page.getByLabel('Title').fill(title)
  await page.getByLabel('Template').selectOption(template)
  await page.getByRole('button', { name: 'Create workshop' }).click()
  await page.waitForURL(/\/b\/[^/#]+#k=.+/, WAIT)
  const url = new URL(page.url())
  return { boardId: url.pathname.split('/')[2], secret: new URLSearchParams(url.hash.slice(1)).get('k')! }
}

/** Fills the join screen; `roleLabel` is omitted for the facilitator, whose role is fixed. */
export async function enterBoardAs(page: Page, name: string, roleLabel?: string): Promise<void> {
  await page.getByTestId('join-screen').waitFor(WAIT)
  await page.getByLabel('Your name').fill(name)
  if (roleLabel) await page.getByLabel(roleLabel).check()
  await page.getByRole('button', { name: 'Enter the board' }).click()
  await waitForConnected(page)
}

export async function waitForConnected(page: Page): Promise<void> {
  await page.locator('[data-testid="connection-badge"][data-state="connected"]').waitFor(WAIT)
  await page.waitForFunction(() => window.__tavolo?.editor !== undefined, undefined, WAIT)
}

/** Picks the rectangle tool by its keyboard shortcut and drags it out, in canvas fractions. */
export async function drawRectangle(page: Page, from: [number, number], to: [number, number]): Promise<void> {
  await page.bringToFront()
  const box = await page.locator('.tl-canvas').boundingBox()
  if (!box) throw new Error('the canvas is not on screen')
  const at = ([fx, fy]: [number, number]) => [box.x + box.width * fx, box.y + box.height * fy] as const
  await page.locator('.tl-canvas').click({ position: { x: box.width * 0.9, y: box.height * 0.5 } })
  await page.keyboard.press('r')
  await page.mouse.move(...at(from))
  await page.mouse.down()
  await page.mouse.move(...at(to), { steps: 8 })
  await page.mouse.up()
  await page.keyboard.press('Escape')
}

export function shapeIds(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__tavolo!.editor.getCurrentPageShapes().map((s) => s.id as string))
}

export async function waitForShapeCount(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => window.__tavolo?.editor.getCurrentPageShapes().length === n, count, WAIT)
}

export async function waitForShape(page: Page, id: string): Promise<void> {
  await page.waitForFunction((shapeId) => window.__tavolo?.editor.getCurrentPageShapes().some((s) => s.id === shapeId), id, WAIT)
}

/** Drops a generated PNG of `side`×`side` noisy pixels on the middle of the canvas. */
export async function dropGeneratedImage(page: Page, side: number, fileName: string): Promise<number> {
  return page.evaluate(
    async ({ side, fileName }) => {
      const canvas = document.createElement('canvas')
      canvas.width = canvas.height = side
      const context = canvas.getContext('2d')!
      const pixels = context.createImageData(side, side)
      for (let i = 0; i < pixels.data.length; i++) pixels.data[i] = i % 4 === 3 ? 255 : Math.floor(Math.random() * 256)
      context.putImageData(pixels, 0, 0)
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'))
      const transfer = new DataTransfer()
      transfer.items.add(new File([blob], fileName, { type: 'image/png' }))
      const target = document.querySelector('.tl-canvas')!
      const rect = target.getBoundingClientRect()
      const init = { dataTransfer: transfer, bubbles: true, cancelable: true, clientX: rect.x + rect.width / 2, clientY: rect.y + rect.height / 2 }
      target.dispatchEvent(new DragEvent('dragover', init))
      target.dispatchEvent(new DragEvent('drop', init))
      return blob.size
    },
    { side, fileName },
  )
}

/** The person the server made when this browser joined through the page's link, as the browser keeps it. */
export function personIdOf(page: Page): Promise<string> {
  return page.evaluate(() => {
    const boardId = location.pathname.split('/')[2]
    const secret = new URLSearchParams(location.hash.slice(1)).get('k')
    const stored = JSON.parse(localStorage.getItem('tavolo.local')!) as { state: { memberships: Record<string, { personId: string }> } }
    return stored.state.memberships[`${boardId}#${secret}`].personId
  })
}

/** Opens the people list from the avatars in the top bar (a no-op when it is open). */
export async function openPeople(page: Page): Promise<void> {
  const toggle = page.getByTestId('people-toggle')
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
  await page.getByTestId('people-list').waitFor(WAIT)
}
