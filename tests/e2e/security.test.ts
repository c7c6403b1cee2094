import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServerProcess, type ServerProcess } from '../support/server'
import { launchChromium } from './support/browser'
import { WAIT, createWorkshop, drawRectangle, enterBoardAs, waitForConnected, waitForShapeCount } from './support/tavoloPage'

// The server's Content-Security-Policy must not break the app: every screen loads its scripts,
// styles, fonts, icons, service worker and websocket with no violation reported.

let server: ServerProcess
let browser: Browser
let context: BrowserContext
let boardPage: Page
const violations: string[] = []

/** A page that reports every CSP violation, from the event and from the console. */
async function watchedPage(): Promise<Page> {
  const page = await context.newPage()
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`))
  return page
}

beforeAll(async () => {
  server = await startServerProcess()
  browser = await launchChromium()
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`)
    })
  })
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('the browser policy', () => {
  it('home, join, board and projector run under the CSP with no violation', async () => {
    const page = (boardPage = await watchedPage())
    const response = await page.goto(`${server.url}/`)
    expect(response!.headers()['content-security-policy']).toContain("default-src 'self'")
    const { boardId, secret } = await createWorkshop(page, server.url, 'Policy check')
    await enterBoardAs(page, 'Flo')
    await drawRectangle(page, [0.3, 0.3], [0.45, 0.5])
    await waitForShapeCount(page, 1)

    // The service worker registered, and tldraw's bundled fonts and icons loaded.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null || navigator.serviceWorker.ready.then(() => true), undefined, WAIT)
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) !== undefined)).toBe(true)
    await page.evaluate(() => document.fonts.ready)
    expect(await page.evaluate(() => Array.from(document.fonts).some((font) => font.status === 'loaded'))).toBe(true)
    expect(await page.locator('.tlui-toolbar .tlui-icon').first().isVisible()).toBe(true)

    const projector = await watchedPage()
    await projector.goto(`${server.url}/b/${boardId}/present#k=${secret}`)
    await projector.locator('.tl-canvas').waitFor(WAIT)
    await waitForShapeCount(projector, 1)

    const participant = await watchedPage()
    await participant.goto(`${server.url}/b/${boardId}#k=${secret}`)
    await waitForConnected(participant)
    expect(violations).toEqual([])
  })

  it('tldraw offers no embed, and a pasted link stays text instead of loading from its host', async () => {
    const page = boardPage
    await page.locator('.tl-canvas').click({ position: { x: 600, y: 400 } })
    await page.keyboard.press('Control+i')
    await page.keyboard.press('Meta+i')
    expect(await page.locator('.tlui-dialog__content').count()).toBe(0)
    const url = 'https://example.com/picture.png'
    const types = await page.evaluate(async (pasted) => {
      const editor = window.__tavolo!.editor
      await editor.putExternalContent({ type: 'url', url: pasted, point: { x: 200, y: 200 } })
      return editor.getCurrentPageShapes().map((shape) => shape.type)
    }, url)
    expect(types).toContain('text')
    expect(types.filter((type) => ['bookmark', 'embed', 'image', 'video'].includes(type))).toEqual([])
    expect(await page.evaluate(() => window.__tavolo!.editor.getAssets().length)).toBe(0)
  })

  it('the page cannot be framed and sends no referrer', async () => {
    const page = await watchedPage()
    const response = await page.goto(`${server.url}/`)
    const headers = response!.headers()
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(headers['referrer-policy']).toBe('no-referrer')
    expect(headers['x-content-type-options']).toBe('nosniff')
  })
})
