import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoardViaApi, startServerProcess, type ServerProcess } from '../support/server'
import type { CreatedBoard } from '../../shared/src/wire/api'
import { launchChromium } from './support/browser'
import { overlapping } from './support/overlaps'
import { screenshotPath } from './support/screenshots'
import { WAIT, enterBoardAs } from './support/tavoloPage'

// Issue 11, cards that arrive from other people: two participants add idea cards to the same zone
// at the same moment, again and again. Each palette picks the same free place; once the other's
// card arrives, the later of the two makes room, so no card ends on top of another anywhere.

let server: ServerProcess
let browser: Browser
let board: CreatedBoard
const pages: Page[] = []

function ideaCount(page: Page): Promise<number> {
  return page.evaluate(() => window.__tavolo!.editor.getCurrentPageShapes().filter((s) => s.type === 'tavolo-idea').length)
}

beforeAll(async () => {
  server = await startServerProcess()
  browser = await launchChromium()
  board = await createBoardViaApi(server.url, { title: 'Placement race', template: 'msc-public-services' })
  for (const name of ['Ada Rossi', 'Bruno Verdi']) {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage()
    page.on('pageerror', (error) => console.error(`[page error] ${error.message}`))
    await page.goto(`${server.url}/b/${board.id}#k=${board.secrets.editor}`)
    await enterBoardAs(page, name, 'Student')
    // Attached, not visible: at 1366×768 the board opens on its first zones and tldraw culls the rest.
    await page.locator('[data-testid="zone"]', { hasText: 'Parking lot' }).waitFor({ ...WAIT, state: 'attached' })
    pages.push(page)
  }
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('cards from other people never land on top of one another', () => {
  it('two people adding to one zone at once: ten cards, no overlaps on either screen', async () => {
    for (let round = 0; round < 5; round++) {
      await Promise.all(pages.map((page) => page.getByRole('button', { name: 'Add an idea card' }).click()))
      await Promise.all(pages.map((page) => page.locator('[data-testid="card"][data-editing="true"]').waitFor(WAIT)))
      await Promise.all(pages.map((page) => page.keyboard.press('Escape')))
    }
    for (const page of pages) await expect.poll(() => ideaCount(page), WAIT).toBe(10)
    for (const page of pages) await expect.poll(() => overlapping(page, 'cards'), WAIT).toEqual([])
    for (const page of pages) expect(await overlapping(page, 'zones')).toEqual([])
    // Both screens agree on where every card is.
    const where = (page: Page) =>
      page.evaluate(() =>
        window.__tavolo!.editor
          .getCurrentPageShapes()
          .filter((s) => s.type === 'tavolo-idea')
          .map((s) => `${s.id}@${Math.round(s.x)},${Math.round(s.y)}`)
          .sort(),
      )
    await expect.poll(async () => JSON.stringify(await where(pages[0])) === JSON.stringify(await where(pages[1])), WAIT).toBe(true)
    await pages[0].screenshot({ path: screenshotPath('placement-two-people') })
  })
})
