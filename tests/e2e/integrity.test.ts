import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoardViaApi, startServerProcess, type ServerProcess } from '../support/server'
import type { CreatedBoard } from '../../shared/src/wire/api'
import { launchChromium } from './support/browser'
import { WAIT, enterBoardAs, waitForConnected } from './support/tavoloPage'

// What a participant's browser does with the server's write rules (issue 9): a locked zone's
// cards are read-only on screen, a refused write is explained and undone by a reload, and two
// tabs of one browser meet only through the server.

let server: ServerProcess
let browser: Browser
let board: CreatedBoard
let facilitatorContext: BrowserContext
let participantContext: BrowserContext
let pageF: Page
let pageP: Page

/** Uncaught errors in any page: tldraw throws when an edit it started is blocked the wrong way. */
const pageErrors: string[] = []

async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage()
  page.on('pageerror', (error) => pageErrors.push(error.message))
  return page
}

const link = (secret: string) => `${server.url}/b/${board.id}#k=${secret}`

/** Puts a shape in the middle of the screen at a readable zoom (camera only: nothing shared changes). */
async function showShape(page: Page, id: string): Promise<void> {
  await page.evaluate((shapeId) => {
    const editor = window.__tavolo!.editor
    editor.zoomToBounds(editor.getShapePageBounds(shapeId as never)!, { immediate: true, targetZoom: 1 })
  }, id)
}

const propsOf = (page: Page, id: string) => page.evaluate((shapeId) => JSON.stringify(window.__tavolo!.editor.getShape(shapeId as never)!.props), id)
const shapeCount = (page: Page) => page.evaluate(() => window.__tavolo!.editor.getCurrentPageShapeIds().size)

/** The facilitator locks or unlocks `zone` from its toolbar; resolves once the participant's board says so. */
async function toggleZoneLock(zone: string, locked: boolean): Promise<void> {
  await pageF.evaluate((id) => {
    window.__tavolo!.editor.select(id as never)
  }, zone)
  await pageF.getByTestId('lock-toggle').click()
  await pageP.waitForFunction(
    ([id, want]) => Boolean((window.__tavolo!.doc.getMap('session').get('locks') as Record<string, boolean> | undefined)?.[id]) === want,
    [zone, locked] as const,
    WAIT,
  )
  await pageF.evaluate(() => {
    window.__tavolo!.editor.selectNone()
  })
}

/** Double-clicks the middle of a card's header, as a person opening it to edit would. */
async function doubleClickCard(page: Page, id: string): Promise<void> {
  await showShape(page, id)
  const box = (await page.locator(`[data-testid="card"][data-shape-id="${id}"]`).boundingBox())!
  await page.mouse.dblclick(box.x + box.width / 2, box.y + 12)
}

beforeAll(async () => {
  server = await startServerProcess()
  browser = await launchChromium()
  board = await createBoardViaApi(server.url, { title: 'Held together', template: 'msc-public-services' })
  facilitatorContext = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  participantContext = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  // Every BroadcastChannel the participant's pages open, by name (written as page source: tsx
  // would name the class with a helper the page does not have).
  await participantContext.addInitScript({
    content: `{
      const Real = window.BroadcastChannel
      const names = (window.__channels = [])
      window.BroadcastChannel = class extends Real { constructor(name) { super(name); names.push(String(name)) } }
    }`,
  })
  pageF = await newPage(facilitatorContext)
  pageP = await newPage(participantContext)
  await pageF.goto(link(board.secrets.facilitator))
  await enterBoardAs(pageF, 'Fiona')
  await pageP.goto(link(board.secrets.editor))
  await enterBoardAs(pageP, 'Paolo', 'Professional')
  for (const page of [pageF, pageP]) {
    await page.waitForFunction(() => window.__tavolo!.editor.getCurrentPageShapes().some((s) => s.type === 'tavolo-content'), undefined, WAIT)
  }
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('a locked zone', () => {
  it("its cards are read-only for a participant (double-click opens no editor, typing changes nothing) and editable for the facilitator", async () => {
    const { card, zone, outside } = await pageF.evaluate(() => {
      const editor = window.__tavolo!.editor
      const inZones = editor.getCurrentPageShapesSorted().filter((s) => s.type.startsWith('tavolo-') && editor.getShape(s.parentId as never)?.type === 'tavolo-zone')
      const inZone = inZones.find((s) => s.type === 'tavolo-content')!
      const other = editor.getCurrentPageShapesSorted().find((s) => s.type === 'tavolo-zone' && s.id !== inZone.parentId)!
      return { card: inZone.id as string, zone: inZone.parentId as string, outside: { id: other.id as string, type: other.type, parentId: other.parentId as string } }
    })
    await toggleZoneLock(zone, true)

    const before = await propsOf(pageF, card)
    const shapesBefore = await shapeCount(pageP)
    await doubleClickCard(pageP, card)
    await pageP.keyboard.type('overwritten by a participant')
    await pageP.keyboard.press('Enter')
    await pageP.waitForTimeout(500)
    await expect(pageP.locator('[data-testid="card"][data-editing]').count()).resolves.toBe(0)
    await expect(pageP.evaluate(() => window.__tavolo!.editor.getEditingShapeId())).resolves.toBeNull()
    await expect(shapeCount(pageP)).resolves.toBe(shapesBefore)
    await expect(propsOf(pageP, card)).resolves.toBe(before)
    await expect(propsOf(pageF, card)).resolves.toBe(before)
    await expect(pageP.getByTestId('connection-refused').count()).resolves.toBe(0)

    // Nor can anything be moved into the locked zone (the server would refuse it and close the connection).
    await pageP.evaluate(({ id, type, into }) => {
      window.__tavolo!.editor.updateShape({ id: id as never, type, parentId: into as never })
    }, { id: outside.id, type: outside.type, into: zone })
    await pageP.waitForTimeout(500)
    await expect(pageP.evaluate((id) => window.__tavolo!.editor.getShape(id as never)!.parentId, outside.id)).resolves.toBe(outside.parentId)
    await expect(pageF.evaluate((id) => window.__tavolo!.editor.getShape(id as never)!.parentId, outside.id)).resolves.toBe(outside.parentId)
    await expect(pageP.getByTestId('connection-refused').count()).resolves.toBe(0)

    await doubleClickCard(pageF, card)
    const editing = pageF.locator(`[data-testid="card"][data-shape-id="${card}"][data-editing]`)
    await editing.waitFor(WAIT)
    const field = editing.locator('input[type="text"], textarea').first()
    await field.fill('Edited by the facilitator')
    await pageF.keyboard.press('Enter')
    await expect.poll(() => propsOf(pageP, card), WAIT).toContain('Edited by the facilitator')

    // Unlocked, the same double-click opens the participant's editor.
    await toggleZoneLock(zone, false)
    await doubleClickCard(pageP, card)
    await pageP.locator(`[data-testid="card"][data-shape-id="${card}"][data-editing]`).waitFor(WAIT)
    await pageP.keyboard.press('Escape')
    expect(pageErrors).toEqual([])
  })
})

/** An idea card made the way tldraw makes shapes: at a page point (a zone's centre), no parent given. */
function createIdeaAt(page: Page, name: string, zoneId: string, id: string): Promise<{ parentId: string; page: string }> {
  return page.evaluate(
    ({ name, zoneId, id }) => {
      const editor = window.__tavolo!.editor
      const people = window.__tavolo!.doc.getMap('people').toJSON() as Record<string, { name: string }>
      const me = Object.keys(people).find((personId) => people[personId].name === name)!
      const centre = editor.getShapePageBounds(zoneId as never)!.center
      const now = Date.now()
      editor.createShape({ id: id as never, type: 'tavolo-idea', x: centre.x, y: centre.y, meta: { createdBy: me, createdAt: now, lastEditedBy: me, lastEditedAt: now } })
      return { parentId: editor.getShape(id as never)!.parentId as string, page: editor.getCurrentPageId() as string }
    },
    { name, zoneId, id },
  )
}

describe('a locked zone and new cards', () => {
  it("takes none from a participant: a card dropped on it is not added and a message says why, one tldraw makes there lands on the page; the facilitator's still go in", async () => {
    const zone = await pageF.evaluate(() => {
      const editor = window.__tavolo!.editor
      return editor.getCurrentPageShapesSorted().find((s) => s.type === 'tavolo-zone' && (s.props as { accepts: string[] }).accepts.includes('tavolo-idea'))!.id as string
    })
    const takesIdeas = (page: Page) =>
      page.evaluate((id) => {
        const editor = window.__tavolo!.editor
        return editor.getShapeUtil('tavolo-zone').canReceiveNewChildrenOfType(editor.getShape(id as never)!, 'tavolo-idea')
      }, zone)
    await expect(takesIdeas(pageP)).resolves.toBe(true)
    await toggleZoneLock(zone, true)
    await expect(takesIdeas(pageP)).resolves.toBe(false)
    await expect(takesIdeas(pageF)).resolves.toBe(true)

    // Dragged from the palette onto the locked zone: nothing is added, and the palette says why.
    await showShape(pageP, zone)
    const shapesBefore = await shapeCount(pageP)
    const box = (await pageP.locator(`[data-testid="zone"][data-shape-id="${zone}"]`).boundingBox())!
    const canvas = pageP.locator('.tl-canvas')
    const canvasBox = (await canvas.boundingBox())!
    await pageP.getByRole('button', { name: 'Add an idea card' }).dragTo(canvas, {
      targetPosition: { x: box.x + box.width / 2 - canvasBox.x, y: box.y + box.height / 2 - canvasBox.y },
    })
    await expect(pageP.getByTestId('palette-notice').textContent()).resolves.toBe('The card was not added: that zone is locked, or it is another table’s.')
    await expect(shapeCount(pageP)).resolves.toBe(shapesBefore)

    // A shape tldraw makes at a point in the zone (no parent given) lands on the page, and is kept.
    const made = await createIdeaAt(pageP, 'Paolo', zone, 'shape:made-on-a-locked-zone')
    expect(made.parentId).toBe(made.page)
    await expect.poll(() => pageF.evaluate(() => window.__tavolo!.editor.getShape('shape:made-on-a-locked-zone' as never)?.parentId ?? null), WAIT).toBe(made.page)
    await pageP.waitForTimeout(500)
    await expect(pageP.getByTestId('connection-refused').count()).resolves.toBe(0)

    // The facilitator's own card still goes into the locked zone.
    await expect(createIdeaAt(pageF, 'Fiona', zone, 'shape:facilitator-in-locked-zone')).resolves.toMatchObject({ parentId: zone })
    await expect
      .poll(() => pageP.evaluate(() => window.__tavolo!.editor.getShape('shape:facilitator-in-locked-zone' as never)?.parentId ?? null), WAIT)
      .toBe(zone)

    await toggleZoneLock(zone, false)
    expect(pageErrors).toEqual([])
  })
})

describe('a refused write', () => {
  it('is explained, and reloading the board drops it: no refusal loop, and the board works again', async () => {
    const votes = (page: Page) => page.evaluate(() => window.__tavolo!.doc.getMap('votes').toJSON())
    const votesBefore = await votes(pageF)
    await pageP.evaluate(() => window.__tavolo!.doc.getMap('votes').set('shape:any/someone-else', 3))
    const refused = pageP.getByTestId('connection-refused')
    await refused.waitFor(WAIT)
    await expect(refused.getAttribute('data-code')).resolves.toBe('4403')
    await expect(refused.textContent()).resolves.toContain('belongs to someone else')
    await expect(votes(pageF)).resolves.toEqual(votesBefore)

    await pageP.getByTestId('start-afresh').click()
    await waitForConnected(pageP)
    await expect(votes(pageP)).resolves.toEqual(votesBefore)
    const card = await pageP.evaluate(() => {
      const editor = window.__tavolo!.editor
      const shape = editor.getCurrentPageShapesSorted().find((s) => s.type === 'tavolo-idea' || s.type === 'tavolo-content')!
      editor.updateShape({ id: shape.id, type: shape.type, props: shape.type === 'tavolo-idea' ? { text: 'After the reload' } : { title: 'After the reload' } } as never)
      return shape.id as string
    })
    await expect.poll(() => propsOf(pageF, card), WAIT).toContain('After the reload')
    await pageP.waitForTimeout(500)
    await expect(pageP.getByTestId('connection-refused').count()).resolves.toBe(0)
    expect(pageErrors).toEqual([])
  })
})

describe('two tabs of one browser', () => {
  it('meet only through the server: the board opens no BroadcastChannel', async () => {
    const second = await newPage(participantContext)
    await second.goto(link(board.secrets.editor))
    await waitForConnected(second)
    for (const page of [pageP, second]) {
      const channels = (await page.evaluate('window.__channels')) as string[]
      expect(channels.filter((name) => name.includes('/ws'))).toEqual([])
    }
    await second.close()
  })
})
