import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoardViaApi, startServerProcess, type ServerProcess } from '../support/server'
import { SESSION_ROOT } from '../../shared/src/doc/roots'
import type { CreatedBoard } from '../../shared/src/wire/api'
import { launchChromium } from './support/browser'
import { countRendersUnder, installRenderCounter, takeRenders } from './support/renderCount'
import { WAIT, enterBoardAs, waitForConnected } from './support/tavoloPage'

// The levels panel on a board of 200 cards split into two tables, in Chromium: while it is closed
// a card moving re-renders none of it (a drag is a change per frame); open, on any tab, a move
// re-renders only what reads the shapes, and a table's totals only when they change.

declare global {
  interface Window {
    /** The session map's observers added since the test wrapped its observe and unobserve. */
    __sessionObservers?: { live: Set<unknown>; doc: unknown }
  }
}

let server: ServerProcess
let browser: Browser
let board: CreatedBoard
let page: Page
const CARDS = 200
const MOVES = 20

/** 200 content cards below the plenary's zones, outside every zone. */
function addCards(): Promise<string[]> {
  return page.evaluate((count) => {
    const editor = window.__tavolo!.editor
    const now = Date.now()
    const ids = Array.from({ length: count }, (_, i) => `shape:many${i}`)
    editor.createShapes(
      ids.map((id, i) => ({
        id: id as never,
        type: 'tavolo-content',
        x: (i % 20) * 300,
        y: 4000 + Math.floor(i / 20) * 220,
        props: { title: `Topic ${i}`, hours: 1 },
        meta: { createdBy: 'template', createdAt: now, lastEditedBy: 'template', lastEditedAt: now },
      })),
    )
    return ids
  }, CARDS)
}

/** Moves a card `times` times, one store change per animation frame, as a drag does. */
async function moveCard(id: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    await page.evaluate(
      (shapeId) =>
        new Promise<void>((resolve) => {
          const editor = window.__tavolo!.editor
          const shape = editor.getShape(shapeId as never)!
          editor.updateShape({ id: shape.id, type: shape.type, x: shape.x + 5 })
          requestAnimationFrame(() => requestAnimationFrame(() => resolve()))
        }),
      id,
    )
  }
}

beforeAll(async () => {
  server = await startServerProcess()
  browser = await launchChromium()
  board = await createBoardViaApi(server.url, { title: 'Many cards', template: 'msc-public-services' })
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  page = await context.newPage()
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`))
  await installRenderCounter(page)
  await page.goto(`${server.url}/b/${board.id}#k=${board.secrets.facilitator}`)
  await enterBoardAs(page, 'Fiona')
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('the levels panel on a board of 200 cards', () => {
  it('while closed, a card moving renders nothing of the panel', async () => {
    const ids = await addCards()
    await page.getByTestId('levels-toggle').click()
    await page.getByTestId('seating-random').check()
    await page.getByTestId('split-room').click()
    await page.getByTestId('table-card').first().waitFor(WAIT)
    await page.getByTestId('levels-toggle').click()
    await page.getByTestId('levels-panel').waitFor({ state: 'detached', ...WAIT })
    await countRendersUnder(page, '[data-testid="levels-toggle"]')
    await moveCard(ids[0], MOVES)
    expect(await takeRenders(page)).toBe(0)
  })

  it('open, a card moving renders only the provider, and a table’s totals only when they change', async () => {
    await page.getByTestId('levels-toggle').click()
    const totals = page.locator('[data-testid="table-card"][data-table-id]:not([data-table-id=""])').first().getByTestId('level-content-hours')
    await totals.waitFor(WAIT)
    const tableId = await page.locator('[data-testid="table-card"][data-table-id]:not([data-table-id=""])').first().getAttribute('data-table-id')
    const id = await page.evaluate((tableId) => {
      const editor = window.__tavolo!.editor
      const zone = editor
        .getCurrentPageShapes()
        .find((s) => s.type === 'tavolo-zone' && s.meta.tableId === tableId && (s.props as { accepts: string[] }).accepts.includes('tavolo-content'))!
      const now = Date.now()
      editor.createShape({
        id: 'shape:tableCard' as never,
        type: 'tavolo-content',
        parentId: zone.id,
        x: 24,
        y: 64,
        props: { title: 'At the table', hours: 3 },
        meta: { createdBy: 'template', createdAt: now, lastEditedBy: 'template', lastEditedAt: now },
      })
      return 'shape:tableCard'
    }, tableId)
    await totals.filter({ hasText: /^3 / }).waitFor(WAIT)
    await countRendersUnder(page, '[data-testid="levels-toggle"]')
    await moveCard(id, MOVES)
    const panel = await takeRenders(page)
    console.log(`[levels renders] open panel, ${MOVES} moves: ${panel}`)
    // Only the provider, which reads the shapes, renders on a move: nothing it shows changed.
    expect(panel).toBeLessThanOrEqual(MOVES)
    // Every table's totals, counted together: a move within a table changes none of them.
    await countRendersUnder(page, '[data-testid="level-totals"]')
    await moveCard(id, MOVES)
    expect(await takeRenders(page)).toBe(0)
    await page.evaluate((shapeId) => {
      window.__tavolo!.editor.updateShape({ id: shapeId as never, type: 'tavolo-content', props: { hours: 7 } })
    }, id)
    await totals.filter({ hasText: /^7 / }).waitFor(WAIT)
    // Only the table whose hours changed.
    expect(await takeRenders(page)).toBe(1)
  })

  const SECTIONS: Array<[string, string]> = [
    ['drafting', 'drafting-section'],
    ['budget', 'budget-section'],
    ['plenary', 'compare-section'],
  ]
  it.each(SECTIONS)('open on the %s tab, a card moving renders only the provider', async (tab, section) => {
    await page.getByTestId(`levels-tab-${tab}`).click()
    await page.getByTestId(section).waitFor(WAIT)
    await countRendersUnder(page, '[data-testid="levels-toggle"]')
    await moveCard('shape:tableCard', MOVES)
    expect(await takeRenders(page)).toBeLessThanOrEqual(MOVES)
  })

  it('the seating (top bar, summary) and the summary read the session map from the facilitation context, not each on its own', async () => {
    // The session map's own observe and unobserve, wrapped on the instance, keep the observers
    // added since; leaving the board and opening it again (the connection, and so the map, outlives
    // the remount) counts every subscriber of the board's components.
    await page.evaluate((root) => {
      const map = window.__tavolo!.doc.getMap(root)
      const { observe, unobserve } = map
      const live = new Set<unknown>()
      map.observe = (f) => (live.add(f), observe.call(map, f))
      map.unobserve = (f) => (live.delete(f), unobserve.call(map, f))
      window.__sessionObservers = { live, doc: window.__tavolo!.doc }
    }, SESSION_ROOT)
    const boardPath = await page.evaluate(() => location.pathname + location.hash)
    const go = (path: string) => page.evaluate((to) => (history.pushState(null, '', to), dispatchEvent(new PopStateEvent('popstate'))), path)
    for (let round = 1; round <= 2; round++) {
      await go('/')
      await page.waitForFunction(() => window.__tavolo === undefined, undefined, WAIT)
      // Every observer a mounted component added is gone with it.
      expect(await page.evaluate(() => window.__sessionObservers!.live.size)).toBe(0)
      await go(boardPath)
      await waitForConnected(page)
      await page.getByTestId('summary-panel').waitFor(WAIT)
      expect(await page.evaluate(() => window.__tavolo!.doc === window.__sessionObservers!.doc), 'the same board connection after the remount').toBe(true)
      // Three are left (the facilitation context among them); the top bar's and the summary's
      // seating and the summary's own made it six. At most: one fewer elsewhere is no failure.
      expect(await page.evaluate(() => window.__sessionObservers!.live.size)).toBeLessThanOrEqual(3)
    }
  })
})

