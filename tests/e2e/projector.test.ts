import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoardViaApi, startServerProcess, type ServerProcess } from '../support/server'
import type { CreatedBoard } from '../../shared/src/wire/api'
import { launchChromium } from './support/browser'
import { seriousAxeViolations } from './support/axe'
import { screenshotPath } from './support/screenshots'
import { WAIT, enterBoardAs } from './support/tavoloPage'

// Issue 11, the wall: a 1920×1080 projector shows what the facilitator picks (the whole board, or
// the zone under discussion), nothing cut off, card text at least 24 px on screen, and a side
// panel that turns its own pages when the results run longer than the screen.

const WALL = { width: 1920, height: 1080 }

let server: ServerProcess
let browser: Browser
let board: CreatedBoard
let facilitator: Page
let projector: Page

/** Elements of the page outside the canvas whose box leaves the viewport (or the scrolling panel they are in). */
function outOfView(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = []
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''} "${(el.textContent ?? '').slice(0, 30)}"`
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('.tl-container')) continue
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue
      // Inside a panel that scrolls, the panel's own box is what must be on screen.
      const scroller = el.parentElement?.closest('.tavolo-present-side')
      if (scroller) continue
      if (r.left < -1 || r.top < -1 || r.right > innerWidth + 1 || r.bottom > innerHeight + 1) bad.push(name(el))
      // Text cut with an ellipsis or clipped sideways.
      if (el instanceof HTMLElement && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'hidden') bad.push(`${name(el)} cut`)
    }
    return bad
  })
}

/** Card text on screen: the smallest font size times the zoom, over every card in view. */
function smallestCardTextPx(page: Page): Promise<number> {
  return page.evaluate(() => {
    const zoom = window.__tavolo!.editor.getZoomLevel()
    const canvas = document.querySelector('.tl-canvas')!.getBoundingClientRect()
    const sizes = [...document.querySelectorAll('.tavolo-card :is(.tavolo-card-type, .tavolo-creator, .tavolo-card-heading, .tavolo-card-fact, .tavolo-card-text)')]
      .filter((el) => {
        const r = el.getBoundingClientRect()
        return r.width > 0 && r.right > canvas.left && r.left < canvas.right && r.bottom > canvas.top && r.top < canvas.bottom
      })
      .map((el) => parseFloat(getComputedStyle(el).fontSize) * zoom)
    return sizes.length === 0 ? 0 : Math.min(...sizes)
  })
}

/** The page area the projector shows, and the bounds of the whole board and of the zone titled `zone`. */
function shownArea(page: Page, zone: string) {
  return page.evaluate((title) => {
    const editor = window.__tavolo!.editor
    const box = (b: { x: number; y: number; w: number; h: number }) => ({ x: b.x, y: b.y, w: b.w, h: b.h })
    const target = editor.getCurrentPageShapes().find((s) => s.type === 'tavolo-zone' && (s.props as { title: string }).title === title)!
    return { viewport: box(editor.getViewportPageBounds()), board: box(editor.getCurrentPageBounds()!), zone: box(editor.getShapePageBounds(target)!) }
  }, zone)
}

const contains = (outer: { x: number; y: number; w: number; h: number }, inner: { x: number; y: number; w: number; h: number }) =>
  inner.x >= outer.x - 1 && inner.y >= outer.y - 1 && inner.x + inner.w <= outer.x + outer.w + 1 && inner.y + inner.h <= outer.y + outer.h + 1

beforeAll(async () => {
  server = await startServerProcess()
  browser = await launchChromium()
  board = await createBoardViaApi(server.url, {
    title: 'MSc Public Services Management — co-design of the 2027 syllabus with students and citizens',
    template: 'msc-public-services',
  })
  facilitator = await (await browser.newContext({ viewport: WALL })).newPage()
  projector = await (await browser.newContext({ viewport: WALL })).newPage()
  for (const page of [facilitator, projector]) page.on('pageerror', (error) => console.error(`[page error] ${error.message}`))
  await facilitator.goto(`${server.url}/b/${board.id}#k=${board.secrets.facilitator}`)
  await enterBoardAs(facilitator, 'Fiona')
  await projector.goto(`${server.url}/b/${board.id}/present#k=${board.secrets.viewer}&j=${board.secrets.editor}`)
  await projector.getByTestId('present-screen').waitFor(WAIT)
  await projector.waitForFunction(() => window.__tavolo?.editor.getCurrentPageShapes().length, undefined, WAIT)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('the projector at 1920×1080', () => {
  it('shows the whole board fitted, nothing cut off, card text at least 24 px, title whole', async () => {
    await expect.poll(async () => {
      const { viewport, board } = await shownArea(projector, 'Contents')
      return contains(viewport, board)
    }, WAIT).toBe(true)
    expect(await projector.getByTestId('present-screen').getAttribute('data-view')).toBe('board')
    await expect.poll(() => smallestCardTextPx(projector), WAIT).toBeGreaterThanOrEqual(24)
    expect(await outOfView(projector)).toEqual([])
    for (const id of ['present-phase', 'timer', 'present-summary']) expect(await projector.getByTestId(id).first().isVisible()).toBe(true)
    await projector.locator('.tavolo-present-qr img').waitFor(WAIT)
    await projector.screenshot({ path: screenshotPath('projector-board') })
    expect(await seriousAxeViolations(projector)).toEqual([])
  })

  it('shows the zone the facilitator picks, fitted to the wall, and the whole board again', async () => {
    const before = await shownArea(projector, 'Contents')
    await facilitator.getByTestId('projector-view').selectOption({ label: 'Contents' })
    await projector.locator('[data-testid="present-screen"][data-view="zone"]').waitFor(WAIT)
    await expect.poll(async () => {
      const { viewport, zone } = await shownArea(projector, 'Contents')
      // The zone whole on screen, and filling it in one direction.
      return contains(viewport, zone) && Math.max(zone.w / viewport.w, zone.h / viewport.h) > 0.9
    }, WAIT).toBe(true)
    const after = await shownArea(projector, 'Contents')
    expect(after.viewport.w).toBeLessThan(before.viewport.w * 0.8)
    await expect.poll(() => smallestCardTextPx(projector), WAIT).toBeGreaterThanOrEqual(24)
    expect(await outOfView(projector)).toEqual([])
    await projector.screenshot({ path: screenshotPath('projector-zone') })
    await facilitator.getByTestId('projector-view').selectOption({ label: 'The whole board' })
    await expect.poll(async () => {
      const { viewport, board } = await shownArea(projector, 'Contents')
      return contains(viewport, board) && viewport.w > after.viewport.w * 1.2
    }, WAIT).toBe(true)
  })

  it('turns the side panel’s pages by itself when the results are longer than the screen', async () => {
    // Many rating criteria, each rated: the ratings summary runs past the bottom of the screen.
    await facilitator.getByTestId('ratings-toggle').click()
    const criteria = Array.from({ length: 12 }, (_, i) => `Criterion number ${i + 1}`)
    for (const criterion of criteria) {
      await facilitator.getByLabel('New criterion').fill(criterion)
      await facilitator.getByLabel('New criterion').press('Enter')
    }
    for (const criterion of criteria) {
      await facilitator.locator(`[data-criterion="${criterion}"] input[type=radio]`).nth(3).check()
    }
    const side = projector.getByTestId('present-side')
    await expect.poll(() => side.evaluate((el) => el.scrollHeight > el.clientHeight), WAIT).toBe(true)
    await expect.poll(() => side.evaluate((el) => el.scrollTop), { timeout: 20_000 }).toBeGreaterThan(0)
    expect(await outOfView(projector)).toEqual([])
    await projector.screenshot({ path: screenshotPath('projector-ratings') })
  })
})
