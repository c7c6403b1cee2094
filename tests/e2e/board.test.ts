import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoardViaApi, startServerProcess, type ServerProcess } from '../support/server'
import { launchChromium, recordRequests, type RequestLog } from './support/browser'
import { screenshotPath } from './support/screenshots'
import { serveAsOrigin } from './support/servedAsOrigin'
import {
  WAIT,
  createWorkshop,
  drawRectangle,
  dropGeneratedImage,
  enterBoardAs,
  personIdOf,
  shapeIds,
  waitForConnected,
  waitForShape,
  waitForShapeCount,
  openPeople,
} from './support/tavoloPage'

// One story, in order, on one server and one browser: a facilitator (A) creates a workshop, a
// citizen (B) joins by link and draws, a viewer (V) watches. Each step relies on the ones before.

const MAX_ASSET_BYTES = 4096

let server: ServerProcess
let browser: Browser
const contexts: BrowserContext[] = []
const requestLogs: RequestLog[] = []
let pageA: Page
let pageB: Page
let contextB: BrowserContext
let participantLink = ''
let viewerLink = ''

async function newPerson(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  contexts.push(context)
  requestLogs.push(recordRequests(context))
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`))
  return { context, page }
}

beforeAll(async () => {
  server = await startServerProcess({ env: { MAX_ASSET_BYTES: String(MAX_ASSET_BYTES) } })
  browser = await launchChromium()
  pageA = (await newPerson()).page
  ;({ context: contextB, page: pageB } = await newPerson())
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('a workshop board in Chromium', () => {
  it('A creates a workshop from Home and finds the links in the Share dialog', async () => {
    await createWorkshop(pageA, server.url, 'Course design')
    await enterBoardAs(pageA, 'Alice')
    await expect(pageA.getByTestId('board-title').textContent()).resolves.toBe('Course design')

    await pageA.getByTestId('share-button').click()
    participantLink = await pageA.getByTestId('participant-link').inputValue()
    viewerLink = await pageA.getByTestId('viewer-link').inputValue()
    await pageA.getByRole('button', { name: 'Close' }).click()
    expect(participantLink).toMatch(new RegExp(`^${server.url}/b/[^#]+#k=.+`))
    expect(viewerLink).not.toBe(participantLink)
  })

  it('B joins by pasting the participant link, with a name and a role', async () => {
    await pageB.goto(`${server.url}/`)
    await pageB.getByLabel('Link you were given').fill('https://example.org/not-a-board')
    await pageB.getByRole('button', { name: 'Join' }).click()
    await expect(pageB.getByRole('alert').textContent()).resolves.toMatch(/another Tavolo server|not a Tavolo board link/)

    await pageB.getByLabel('Link you were given').fill(participantLink)
    await pageB.getByRole('button', { name: 'Join' }).click()
    await enterBoardAs(pageB, 'Bruno', 'Citizen / service user')
    await openPeople(pageA)
    await pageA.locator('[data-testid="person"]', { hasText: 'Bruno' }).filter({ hasText: 'Citizen' }).waitFor(WAIT)
  })

  it('B draws a rectangle and A sees it', async () => {
    await drawRectangle(pageB, [0.3, 0.3], [0.45, 0.5])
    await waitForShapeCount(pageB, 1)
    const [id] = await shapeIds(pageB)
    await waitForShape(pageA, id)
    await pageA.screenshot({ path: screenshotPath('board') })
  })

  it("A sees B's cursor labelled with B's name", async () => {
    const box = (await pageB.locator('.tl-canvas').boundingBox())!
    await pageB.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.4, { steps: 5 })
    await pageA.locator('.tl-collaborator__cursor .tl-nametag', { hasText: 'Bruno' }).waitFor(WAIT)
  })

  it("A follows B's view from the people list and stops with Escape", async () => {
    const following = () => pageA.evaluate(() => window.__tavolo!.editor.getInstanceState().followingUserId)
    await openPeople(pageA)
    await pageA.locator('[data-testid="person"]', { hasText: 'Bruno' }).getByRole('button', { name: 'Follow Bruno' }).click()
    await pageA.waitForFunction(() => window.__tavolo!.editor.getInstanceState().followingUserId !== null, undefined, WAIT)
    const bPersonId = await personIdOf(pageB)
    expect(await following()).toBe(`user:${bPersonId}`)
    await pageA.keyboard.press('Escape')
    await pageA.waitForFunction(() => window.__tavolo!.editor.getInstanceState().followingUserId === null, undefined, WAIT)
  })

  it('B changes their name with "Edit me" and A sees the new name', async () => {
    // tldraw's own user is the person too (its id is what presence and following carry).
    const editorUser = () => pageB.evaluate(() => [window.__tavolo!.editor.user.getId(), window.__tavolo!.editor.user.getName()])
    const bPersonId = await personIdOf(pageB)
    expect(await editorUser()).toEqual([bPersonId, 'Bruno'])
    await openPeople(pageB)
    await pageB.getByRole('button', { name: 'Edit me' }).click()
    await pageB.getByLabel('Your name').fill('Bruno R.')
    await pageB.getByRole('button', { name: 'Save' }).click()
    await openPeople(pageA)
    await pageA.locator('[data-testid="person"]', { hasText: 'Bruno R.' }).waitFor(WAIT)
    expect(await editorUser()).toEqual([bPersonId, 'Bruno R.'])
  })

  it('a reload keeps the board and who I am', async () => {
    const before = await shapeIds(pageA)
    await pageB.reload()
    await waitForConnected(pageB)
    await waitForShapeCount(pageB, before.length)
    expect(await pageB.getByTestId('join-screen').count()).toBe(0)
    expect((await shapeIds(pageB)).sort()).toEqual(before.sort())
  })

  it('after a server restart both reconnect and keep editing', async () => {
    const before = (await shapeIds(pageA)).length
    await server.restart()
    await waitForConnected(pageA)
    await waitForConnected(pageB)
    await drawRectangle(pageB, [0.5, 0.3], [0.6, 0.45])
    await waitForShapeCount(pageB, before + 1)
    await waitForShapeCount(pageA, before + 1)
  })

  it("B's edits made offline reach A when B is back", async () => {
    const before = (await shapeIds(pageA)).length
    await contextB.setOffline(true)
    await pageB.locator('[data-testid="connection-badge"]:not([data-state="connected"])').waitFor(WAIT)
    await drawRectangle(pageB, [0.3, 0.6], [0.4, 0.75])
    await waitForShapeCount(pageB, before + 1)
    expect((await shapeIds(pageA)).length).toBe(before)

    // A reload with no network still opens the board, offline edit included, from this device.
    await pageB.reload()
    await pageB.locator('[data-testid="connection-badge"][data-state="offline"]').waitFor(WAIT)
    await waitForShapeCount(pageB, before + 1)

    await contextB.setOffline(false)
    await waitForConnected(pageB)
    await waitForShapeCount(pageA, before + 1)
  })

  it('a viewer sees the board but cannot change it, even by forcing a write', async () => {
    const { page: pageV } = await newPerson()
    await pageV.goto(viewerLink)
    await enterBoardAs(pageV, 'Vera', 'Student')
    await pageV.getByTestId('view-only').waitFor(WAIT)
    await openPeople(pageA)
    await pageA.locator('[data-testid="person"]', { hasText: 'Vera' }).waitFor(WAIT)
    const shared = (await shapeIds(pageA)).sort()
    await waitForShapeCount(pageV, shared.length)
    expect(await pageV.evaluate(() => window.__tavolo!.editor.getInstanceState().isReadonly)).toBe(true)

    // Through the UI: the rectangle shortcut and a drag change nothing.
    await drawRectangle(pageV, [0.6, 0.6], [0.7, 0.7])
    expect((await shapeIds(pageV)).sort()).toEqual(shared)

    // Forced past the UI: the write lands in the viewer's own store only.
    const forcedId = await pageV.evaluate(() => {
      const editor = window.__tavolo!.editor
      editor.updateInstanceState({ isReadonly: false })
      editor.createShape({ type: 'geo', x: 40, y: 40 })
      return editor.getCurrentPageShapes().at(-1)!.id as string
    })
    expect(shared).not.toContain(forcedId)
    // B's next edit reaches A after the viewer's write was sent; A must have B's shape and not V's.
    await drawRectangle(pageB, [0.7, 0.2], [0.8, 0.3])
    await waitForShapeCount(pageA, shared.length + 1)
    expect(await shapeIds(pageA)).not.toContain(forcedId)
    await pageA.reload()
    await waitForConnected(pageA)
    await waitForShapeCount(pageA, shared.length + 1)
    expect(await shapeIds(pageA)).not.toContain(forcedId)
  })

  it('an image is stored on the server and referenced by URL; one over the limit is refused with a message', async () => {
    const before = (await shapeIds(pageA)).length
    const smallBytes = await dropGeneratedImage(pageB, 8, 'small.png')
    expect(smallBytes).toBeLessThan(MAX_ASSET_BYTES)
    await waitForShapeCount(pageA, before + 1)
    await pageA.waitForFunction(() => window.__tavolo!.editor.getAssets().some((a) => a.type === 'image' && a.props.src?.startsWith('/api/')), undefined, WAIT)
    const srcs = await pageA.evaluate(() => window.__tavolo!.editor.getAssets().map((a) => (a.props as { src: string | null }).src ?? ''))
    expect(srcs.filter((src) => src.startsWith('data:'))).toEqual([])

    const bigBytes = await dropGeneratedImage(pageB, 96, 'big.png')
    expect(bigBytes).toBeGreaterThan(MAX_ASSET_BYTES)
    const alert = pageB.getByTestId('upload-error')
    await alert.waitFor(WAIT)
    expect(await alert.textContent()).toMatch(new RegExp(`big\\.png.*at most ${MAX_ASSET_BYTES.toLocaleString('en')} bytes`))
  })

  it('a wrong or unknown board link explains itself, and Home lists the workshops of this browser', async () => {
    const page = await contextB.newPage()
    const boardId = new URL(participantLink).pathname.split('/')[2]
    await page.goto(`${server.url}/b/${boardId}#k=not-the-right-key`)
    await expect(page.getByTestId('board-error').textContent()).resolves.toMatch(/no longer valid/)
    await page.goto(`${server.url}/b/${'A'.repeat(22)}#k=some-key`)
    await expect(page.getByTestId('board-error').textContent()).resolves.toMatch(/does not exist/)
    await page.goto(`${server.url}/`)
    await page.getByRole('link', { name: 'Course design' }).click()
    await waitForConnected(page)
    await page.close()
  })

  it('a browser remembered by an earlier version keeps its name and colour and joins again as a person the server makes', async () => {
    const { page } = await newPerson()
    await page.addInitScript(() => {
      if (localStorage.getItem('tavolo.identity') === null) {
        const earlier = { personId: 'earlier-person', colour: '#1971c2', lastName: 'Lia', profiles: {}, workshops: [] }
        localStorage.setItem('tavolo.local', JSON.stringify({ state: earlier, version: 1 }))
      }
    })
    await page.goto(participantLink)
    await expect(page.getByLabel('Your name').inputValue()).resolves.toBe('Lia')
    await page.getByLabel('Professional').check()
    await page.getByRole('button', { name: 'Enter the board' }).click()
    await waitForConnected(page)
    const personId = await personIdOf(page)
    expect(personId).not.toBe('earlier-person')
    const stored = await page.evaluate(() => ({
      local: JSON.parse(localStorage.getItem('tavolo.local')!) as { state: object; version: number },
      identity: JSON.parse(localStorage.getItem('tavolo.identity')!) as { colour: string },
    }))
    expect(stored.local.version).toBe(3)
    expect(stored.local.state).not.toHaveProperty('personId')
    expect(stored.identity.colour).toBe('#1971c2')
  })

  it('no request left the server origin', () => {
    const foreign = requestLogs.flatMap((log) => log.foreignTo(server.url))
    expect(requestLogs.every((log) => log.urls.length > 0)).toBe(true)
    expect(foreign).toEqual([])
  })
})

describe('away from loopback', () => {
  it('on an https domain without a licence key, the page says why the board is not shown', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    try {
      await serveAsOrigin(context, 'https://tavolo.example', server.url)
      const board = await createBoardViaApi(server.url, { title: 'Licence check' })
      const page = await context.newPage()
      await page.goto(`https://tavolo.example/b/${board.id}#k=${board.secrets.editor}`)
      // Not enterBoardAs: it waits for the editor, which tldraw removes here.
      await page.getByLabel('Your name').fill('Lia')
      await page.getByLabel('Professional').check()
      await page.getByRole('button', { name: 'Enter the board' }).click()
      await page.locator('[data-testid="connection-badge"][data-state="connected"]').waitFor(WAIT)
      const message = page.getByTestId('license-blocked')
      await message.waitFor(WAIT)
      expect(await message.textContent()).toContain('TLDRAW_LICENSE_KEY')
    } finally {
      await context.close()
    }
  })

  it('on a plain-http venue address (not a secure context) people join and draw', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    try {
      await serveAsOrigin(context, 'http://tavolo.lan', server.url)
      const board = await createBoardViaApi(server.url, { title: 'Venue network' })
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      await page.goto(`http://tavolo.lan/b/${board.id}#k=${board.secrets.editor}`)
      expect(await page.evaluate(() => window.isSecureContext)).toBe(false)
      await enterBoardAs(page, 'Lan', 'Student')
      await drawRectangle(page, [0.3, 0.3], [0.45, 0.5])
      await waitForShapeCount(page, 1)
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
  })
})
