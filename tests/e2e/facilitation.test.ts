import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoardViaApi, startServerProcess, type ServerProcess } from '../support/server'
import type { CreatedBoard } from '../../shared/src/wire/api'
import { launchChromium } from './support/browser'
import { screenshotPath } from './support/screenshots'
import { WAIT, enterBoardAs, personIdOf, waitForConnected } from './support/tavoloPage'

// A live workshop in three browser contexts: the facilitator (F) steers, a participant (P) whose
// computer clock is three hours fast takes part, and the projector (V, opened with the viewer
// link) shows the board on the wall. Steps run in order and rely on the ones before.

const CLOCK_SHIFT_MS = 3 * 60 * 60 * 1000

let server: ServerProcess
let browser: Browser
let board: CreatedBoard
let pageF: Page
let pageP: Page
let pageV: Page
let facilitatorId = ''
let votedCard = ''

async function newPage(clockShiftMs = 0): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  if (clockShiftMs !== 0) {
    // This person's computer clock is wrong: Date.now and new Date() both run ahead.
    await context.addInitScript((shift: number) => {
      const RealDate = Date
      const realNow = RealDate.now.bind(RealDate)
      class ShiftedDate extends RealDate {
        constructor(...args: unknown[]) {
          if (args.length === 0) super(realNow() + shift)
          else super(...(args as [number]))
        }
        static override now() {
          return realNow() + shift
        }
      }
      globalThis.Date = ShiftedDate as DateConstructor
    }, clockShiftMs)
  }
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`))
  return page
}

function link(secret: string, view = ''): string {
  return `${server.url}/b/${board.id}${view}#k=${secret}`
}

function phaseOf(page: Page, testId: string): Promise<string | null> {
  return page.getByTestId(testId).getAttribute('data-phase')
}

function plainMap(page: Page, root: string): Promise<Record<string, unknown>> {
  return page.evaluate((name) => window.__tavolo!.doc.getMap(name).toJSON() as Record<string, unknown>, root)
}

/** Puts a shape in the middle of the screen at a readable zoom (camera only: nothing shared changes). */
async function showShape(page: Page, id: string): Promise<void> {
  await page.evaluate((shapeId) => {
    const editor = window.__tavolo!.editor
    editor.zoomToBounds(editor.getShapePageBounds(shapeId as never)!, { immediate: true, targetZoom: 1 })
  }, id)
}

function shapePosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((shapeId) => {
    const shape = window.__tavolo!.editor.getShape(shapeId as never)!
    return { x: shape.x, y: shape.y }
  }, id)
}

/** Drags a zone by its bottom edge (where tldraw picks a frame-like shape) with the mouse, `dx` pixels right. */
async function dragZoneByEdge(page: Page, zoneId: string, dx: number): Promise<void> {
  await showShape(page, zoneId)
  const start = await page.evaluate((id) => {
    const editor = window.__tavolo!.editor
    const bounds = editor.getShapePageBounds(id as never)!
    const point = editor.pageToViewport({ x: bounds.x + bounds.w / 3, y: bounds.maxY - 1 })
    return { x: point.x, y: point.y }
  }, zoneId)
  const canvas = (await page.locator('.tl-canvas').boundingBox())!
  const x = canvas.x + start.x
  const y = canvas.y + start.y
  await page.mouse.move(x, y)
  await page.mouse.down()
  await page.mouse.move(x + dx / 2, y, { steps: 5 })
  await page.mouse.move(x + dx, y, { steps: 5 })
  await page.mouse.up()
  await page.keyboard.press('Escape')
}

beforeAll(async () => {
  server = await startServerProcess()
  browser = await launchChromium()
  board = await createBoardViaApi(server.url, { title: 'Facilitated workshop', template: 'msc-public-services' })
  pageF = await newPage()
  pageP = await newPage(CLOCK_SHIFT_MS)
  pageV = await newPage()
  await pageF.goto(link(board.secrets.facilitator))
  await enterBoardAs(pageF, 'Fiona')
  await pageP.goto(link(board.secrets.editor))
  await enterBoardAs(pageP, 'Paolo', 'Professional')
  await pageV.goto(link(board.secrets.viewer, '/present'))
  await pageV.getByTestId('present-screen').waitFor(WAIT)
  await pageV.waitForFunction(() => window.__tavolo?.editor !== undefined, undefined, WAIT)
  facilitatorId = await personIdOf(pageF)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('facilitating a live workshop', () => {
  it('a phase change by the facilitator is seen by everyone; only the facilitator has the controls', async () => {
    await expect(phaseOf(pageP, 'phase-bar')).resolves.toBe('1')
    await pageF.getByTestId('phase-co-design').click()
    await pageP.locator('[data-testid="phase-bar"][data-phase="2"]').waitFor(WAIT)
    await pageV.locator('[data-testid="present-phase"][data-phase="2"]').waitFor(WAIT)
    await expect(pageP.getByTestId('phase-tagline').textContent()).resolves.toBe('Fill the template')
    await expect(pageP.getByTestId('phase-co-commission').count()).resolves.toBe(0)
    await expect(pageP.getByTestId('timer-start').count()).resolves.toBe(0)
    await pageF.getByTestId('phase-co-commission').click()
    await pageV.locator('[data-testid="present-phase"][data-phase="1"]').waitFor(WAIT)
  })

  it('a dot-voting round: open, concurrent votes on one card, hidden results, reveal and ranking', async () => {
    await pageF.getByTestId('voting-setup').click()
    await pageF.getByTestId('voting-open').click()
    await pageP.getByTestId('dots-left').getByText('5 of 5 dots left').waitFor(WAIT)

    votedCard = await pageF.evaluate(() => window.__tavolo!.editor.getCurrentPageShapesSorted().find((s) => s.type === 'tavolo-content')!.id)
    await Promise.all([showShape(pageF, votedCard), showShape(pageP, votedCard)])
    const addOn = (page: Page) => page.locator(`[data-shape-id="${votedCard}"] [data-testid="vote-add"]`)
    // Both press at the same moment: each dot lives in its own key, so neither is lost.
    await Promise.all([addOn(pageF).click(), addOn(pageP).click()])
    await addOn(pageP).click()
    await addOn(pageP).click()
    await pageP.locator(`[data-shape-id="${votedCard}"] [data-testid="vote-remove"]`).click()
    await pageP.getByTestId('dots-left').getByText('3 of 5 dots left').waitFor(WAIT)
    // The participant's own count is shown before its last press reaches the facilitator: wait for both.
    await expect.poll(() => plainMap(pageF, 'votes'), WAIT).toMatchObject({ [`${votedCard}/${facilitatorId}`]: 1 })
    await expect.poll(async () => Object.values(await plainMap(pageF, 'votes')).sort(), WAIT).toEqual([1, 2])
    await expect(pageV.getByTestId('rank-badge').count()).resolves.toBe(0)

    await pageF.getByTestId('voting-reveal').click()
    for (const page of [pageF, pageP]) {
      const badge = page.locator(`[data-shape-id="${votedCard}"] [data-testid="rank-badge"]`)
      await badge.waitFor(WAIT)
      await expect(badge.getAttribute('data-rank')).resolves.toBe('1')
      await expect(badge.textContent()).resolves.toBe('#1 · 3 dots')
    }
    const first = pageV.locator('[data-testid="vote-ranking"] li').first()
    await first.waitFor(WAIT)
    await expect(first.getAttribute('data-card-id')).resolves.toBe(votedCard)
    await pageF.locator('[data-testid="vote-ranking"] li', { hasText: '3 dots' }).waitFor(WAIT)
    // The ranking names a card as the exports do (cardLabel): an untitled content is "Untitled content".
    const retitle = (title: string) =>
      pageF.evaluate(
        ([id, title]) => {
          window.__tavolo!.editor.updateShape({ id, type: 'tavolo-content', props: { title } } as never)
        },
        [votedCard, title],
      )
    const title = await pageF.evaluate((id) => (window.__tavolo!.editor.getShape(id as never)!.props as { title: string }).title, votedCard)
    await retitle('')
    await first.locator('.tavolo-ranking-title', { hasText: 'Untitled content' }).waitFor(WAIT)
    await retitle(title)
  })

  it('phase 4 switches on rating: each person rates, the summary shows averages by role', async () => {
    await expect(pageP.getByTestId('rating-panel').count()).resolves.toBe(0)
    await pageF.getByTestId('phase-co-assess').click()
    const firstCriterion = (page: Page) => page.getByTestId('rating-panel').locator('fieldset').first()
    await firstCriterion(pageP).getByLabel('4', { exact: true }).check()
    await firstCriterion(pageF).getByLabel('2', { exact: true }).check()
    const row = pageV.locator('[data-testid="rating-summary"] li').first()
    await row.getByTestId('rating-average').getByText('3.0').waitFor(WAIT)
    await expect(row.getByTestId('rating-distribution').textContent()).resolves.toBe('0 · 1 · 0 · 1 · 0')
    await expect(row.getByTestId('rating-by-role').textContent()).resolves.toBe('Facilitator 2.0 · Professional 4.0')
    await pageF.getByTestId('phase-co-commission').click()
    await pageP.getByTestId('rating-panel').waitFor({ state: 'detached', ...WAIT })
  })

  it('the timer agrees across clients within a second, though one clock is three hours fast', async () => {
    const clocks = await Promise.all([pageF.evaluate(() => Date.now()), pageP.evaluate(() => Date.now())])
    expect(clocks[1] - clocks[0]).toBeGreaterThan(CLOCK_SHIFT_MS - 60_000)

    await pageF.getByTestId('timer-minutes').fill('10')
    await pageF.getByTestId('timer-start').click()
    for (const page of [pageF, pageP, pageV]) await page.locator('[data-testid="timer"][data-status="running"]').waitFor(WAIT)
    const remaining = (page: Page) => page.getByTestId('timer-time').getAttribute('data-remaining-ms').then(Number)
    // Let every page take a fresh clock sample and tick.
    await pageF.waitForTimeout(500)
    const [f, p, v] = await Promise.all([remaining(pageF), remaining(pageP), remaining(pageV)])
    expect(f).toBeGreaterThan(9 * 60_000)
    expect(f).toBeLessThanOrEqual(10 * 60_000)
    expect(Math.abs(f - p)).toBeLessThan(1000)
    expect(Math.abs(f - v)).toBeLessThan(1000)

    await pageF.getByTestId('timer-add-minute').click()
    await expect.poll(() => remaining(pageP), WAIT).toBeGreaterThan(10 * 60_000)
    await pageF.screenshot({ path: screenshotPath('facilitation-board') })
    await pageV.screenshot({ path: screenshotPath('facilitation-projector') })
  })

  it('at zero every screen shows it and screen readers hear "Time is up"', async () => {
    await pageF.getByTestId('timer-reset').click()
    // A timer of 0 is refused while typing, before Start.
    await pageF.getByTestId('timer-minutes').fill('0')
    await expect(pageF.getByTestId('timer-start').isDisabled()).resolves.toBe(true)
    await pageF.getByRole('alert').getByText('Enter the minutes, up to 240').waitFor(WAIT)
    await pageF.getByTestId('timer-minutes').fill('0.05')
    await pageF.getByTestId('timer-start').click()
    for (const page of [pageP, pageV]) {
      await page.locator('[data-testid="timer"][data-time-up="true"]').waitFor(WAIT)
      await expect(page.getByTestId('timer-announcement').textContent()).resolves.toBe('Time is up')
      await expect(page.getByTestId('timer-announcement').getAttribute('aria-live')).resolves.toBe('assertive')
    }
    await pageF.getByTestId('timer-reset').click()
  })

  it('the projector follows the facilitator when asked to, and cannot edit', async () => {
    await pageF.getByTestId('projector-view').selectOption('facilitator')
    await pageF.evaluate(() => {
      const editor = window.__tavolo!.editor
      editor.setCamera({ x: -1234, y: -567, z: 0.8 }, { immediate: true })
    })
    await expect.poll(() => pageV.evaluate(() => window.__tavolo!.editor.getInstanceState().followingUserId), WAIT).toBe(`user:${facilitatorId}`)
    const centreOf = (page: Page) => page.evaluate(() => window.__tavolo!.editor.getViewportPageBounds().center.toJson())
    await expect
      .poll(async () => {
        const [f, v] = await Promise.all([centreOf(pageF), centreOf(pageV)])
        return Math.hypot(f.x - v.x, f.y - v.y)
      }, WAIT)
      .toBeLessThan(20)

    const before = await pageV.evaluate(() => window.__tavolo!.editor.getCurrentPageShapes().length)
    await expect(pageV.evaluate(() => window.__tavolo!.editor.getIsReadonly())).resolves.toBe(true)
    const canvas = (await pageV.locator('.tl-canvas').boundingBox())!
    await pageV.keyboard.press('r')
    await pageV.mouse.move(canvas.x + 100, canvas.y + 100)
    await pageV.mouse.down()
    await pageV.mouse.move(canvas.x + 300, canvas.y + 250, { steps: 5 })
    await pageV.mouse.up()
    await pageV.keyboard.press('Delete')
    await expect(pageV.evaluate(() => window.__tavolo!.editor.getCurrentPageShapes().length)).resolves.toBe(before)
    await expect(pageF.evaluate(() => window.__tavolo!.editor.getCurrentPageShapes().length)).resolves.toBe(before)
  })

  it('"Bring everyone here" makes the participant follow the facilitator', async () => {
    await pageF.getByTestId('bring-everyone').click()
    await expect.poll(() => pageP.evaluate(() => window.__tavolo!.editor.getInstanceState().followingUserId), WAIT).toBe(`user:${facilitatorId}`)
    await pageP.getByTestId('following-facilitator').waitFor(WAIT)
    await pageP.evaluate(() => {
      window.__tavolo!.editor.stopFollowingUser()
    })
    await pageP.getByTestId('follow-facilitator').click()
    await pageP.getByTestId('following-facilitator').waitFor(WAIT)
    await pageP.evaluate(() => {
      window.__tavolo!.editor.stopFollowingUser()
    })
  })

  it('a participant cannot move a zone the facilitator locked, but can move an unlocked one', async () => {
    const zones = await pageF.evaluate(() =>
      window.__tavolo!.editor.getCurrentPageShapesSorted().filter((s) => s.type === 'tavolo-zone').map((s) => s.id as string),
    )
    const [locked, free] = zones
    await pageF.evaluate((id) => {
      window.__tavolo!.editor.select(id as never)
    }, locked)
    await pageF.getByTestId('lock-toggle').click()
    await expect.poll(() => plainMap(pageP, 'session').then((s) => s.locks), WAIT).toEqual({ [locked]: true })
    // The label says what a press does, with no pressed state beside it ("Unlock zone, pressed").
    await pageF.getByRole('button', { name: 'Unlock zone' }).waitFor(WAIT)
    expect(await pageF.getByTestId('lock-toggle').getAttribute('aria-pressed')).toBeNull()
    await showShape(pageP, locked)
    await pageP.locator(`[data-testid="zone"][data-shape-id="${locked}"] [data-testid="zone-lock"]`).waitFor(WAIT)

    const freeBefore = await shapePosition(pageP, free)
    await dragZoneByEdge(pageP, free, 120)
    await expect.poll(() => shapePosition(pageF, free).then((p) => p.x), WAIT).toBeGreaterThan(freeBefore.x + 50)

    const lockedBefore = await shapePosition(pageF, locked)
    await dragZoneByEdge(pageP, locked, 120)
    await pageP.keyboard.press('Delete')
    await expect(shapePosition(pageP, locked)).resolves.toEqual(lockedBefore)
    await expect(shapePosition(pageF, locked)).resolves.toEqual(lockedBefore)
  })

  it("a participant cannot select, move or change a locked zone's cards, and can once it is unlocked", async () => {
    const { card, zone } = await pageF.evaluate(() => {
      const editor = window.__tavolo!.editor
      const inZone = editor
        .getCurrentPageShapesSorted()
        .find((s) => s.type !== 'tavolo-zone' && s.type.startsWith('tavolo-') && editor.getShape(s.parentId as never)?.type === 'tavolo-zone')!
      return { card: inZone.id as string, zone: inZone.parentId as string }
    })
    const toggleLock = async (locked: boolean) => {
      await pageF.evaluate((id) => {
        window.__tavolo!.editor.select(id as never)
      }, zone)
      await pageF.getByTestId('lock-toggle').click()
      await expect.poll(() => plainMap(pageP, 'session').then((s) => Boolean((s.locks as Record<string, boolean> | undefined)?.[zone])), WAIT).toBe(locked)
    }
    const locks = (await plainMap(pageF, 'session')).locks as Record<string, boolean> | undefined
    if (!locks?.[zone]) await toggleLock(true)

    const selectedOnP = () => pageP.evaluate(() => window.__tavolo!.editor.getSelectedShapeIds() as string[])
    const propsOf = (page: Page) => page.evaluate((id) => JSON.stringify(window.__tavolo!.editor.getShape(id as never)!.props), card)
    const before = await propsOf(pageF)
    const positionBefore = await shapePosition(pageF, card)
    await showShape(pageP, card)
    const box = (await pageP.locator(`[data-testid="card"][data-shape-id="${card}"]`).boundingBox())!
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
    await pageP.mouse.click(centre.x, centre.y)
    expect(await selectedOnP()).not.toContain(card)
    await pageP.mouse.move(centre.x, centre.y)
    await pageP.mouse.down()
    await pageP.mouse.move(centre.x + 150, centre.y + 40, { steps: 6 })
    await pageP.mouse.up()
    await pageP.keyboard.press('Escape')
    // Forced past the UI, the participant's editor keeps the card as it was.
    await pageP.evaluate((id) => {
      window.__tavolo!.editor.updateShape({ id: id as never, type: 'tavolo-content', x: 5000 })
    }, card)
    await expect(shapePosition(pageP, card)).resolves.toEqual(positionBefore)
    await expect(shapePosition(pageF, card)).resolves.toEqual(positionBefore)
    await expect(propsOf(pageF)).resolves.toBe(before)

    await toggleLock(false)
    await pageP.evaluate((id) => {
      window.__tavolo!.editor.select(id as never)
    }, card)
    expect(await selectedOnP()).toContain(card)
    await pageP.evaluate(() => {
      window.__tavolo!.editor.selectNone()
    })
  })

  it('a forged session write from a participant is refused: nobody sees it and the participant is told', async () => {
    const phaseBefore = await phaseOf(pageF, 'phase-bar')
    await pageP.evaluate(() => window.__tavolo!.doc.getMap('session').set('phase', 4))
    const refused = pageP.getByTestId('connection-refused')
    await refused.waitFor(WAIT)
    await expect(refused.getAttribute('data-code')).resolves.toBe('4403')
    await expect(refused.textContent()).resolves.toContain('Your change was refused')
    await expect(plainMap(pageF, 'session').then((s) => s.phase)).resolves.toBe(1)
    await expect(phaseOf(pageF, 'phase-bar')).resolves.toBe(phaseBefore)
    await expect(phaseOf(pageV, 'present-phase')).resolves.toBe(phaseBefore)

    // The refused change also sits in this device's copy: starting afresh drops it, or the
    // next load would send it, and be refused, again.
    await pageP.getByTestId('start-afresh').click()
    await waitForConnected(pageP)
    await pageP.locator(`[data-testid="phase-bar"][data-phase="${phaseBefore}"]`).waitFor(WAIT)
    await pageP.waitForTimeout(500)
    await expect(pageP.getByTestId('connection-refused').count()).resolves.toBe(0)
  })

  it('replacing the links disconnects the projector with a clear message and shows the new links', async () => {
    await pageF.getByTestId('share-button').click()
    const oldLink = await pageF.getByTestId('viewer-link').inputValue()
    await pageF.getByTestId('replace-links-start').click()
    await pageF.getByTestId('replace-links-confirm').click()
    await expect.poll(() => pageF.getByTestId('viewer-link').inputValue(), WAIT).not.toBe(oldLink)
    const refused = pageV.getByTestId('connection-refused')
    await refused.waitFor(WAIT)
    await expect(refused.textContent()).resolves.toContain('The facilitator replaced this link. Ask for the new one.')
    await waitForConnected(pageF)
  })

  it('the facilitator\'s "Projector view" opens with the viewer secret and shows a QR code of the current participant link', async () => {
    const participantLink = await pageF.getByTestId('participant-link').inputValue()
    const viewerLink = await pageF.getByTestId('viewer-link').inputValue()
    await pageF.getByTestId('share-dialog').getByRole('button', { name: 'Close' }).click()
    const [projector] = await Promise.all([pageF.context().waitForEvent('page'), pageF.getByTestId('projector-link').click()])
    await projector.waitForURL(/\/present#/, WAIT)
    const opened = new URLSearchParams(new URL(projector.url()).hash.slice(1))
    expect(opened.get('k')).toBe(new URLSearchParams(new URL(viewerLink).hash.slice(1)).get('k'))
    expect(opened.get('k')).not.toBe(new URLSearchParams(new URL(pageF.url()).hash.slice(1)).get('k'))
    await projector.getByTestId('join-link').getByText(participantLink, { exact: true }).waitFor(WAIT)
    await expect(projector.locator('[data-testid="join-qr"] img').getAttribute('src')).resolves.toMatch(/^data:image\/png;base64,/)
    await projector.screenshot({ path: screenshotPath('facilitation-projector-join') })
    await projector.close()
  })

  it('"Projector view" is busy while the links load, and a double click opens one projector', async () => {
    const context = pageF.context()
    const linksUrl = `**/api/boards/${board.id}/links`
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await pageF.route(linksUrl, async (route) => {
      await held
      await route.continue()
    })
    const button = pageF.getByTestId('projector-link')
    const before = context.pages().length
    // The window opens within the click, before the links arrive.
    const [projector] = await Promise.all([context.waitForEvent('page'), button.dblclick()])
    await expect(button.getAttribute('aria-busy')).resolves.toBe('true')
    await expect(button.isDisabled()).resolves.toBe(true)
    release()
    await projector.waitForURL(/\/present#/, WAIT)
    await expect.poll(() => button.getAttribute('aria-busy'), WAIT).toBe('false')
    await pageF.waitForTimeout(500)
    expect(context.pages().length).toBe(before + 1)
    await projector.close()
    await pageF.unroute(linksUrl)
  })

  it('"Projector view" closes the window it opened and says why when the links cannot be read', async () => {
    const linksUrl = `**/api/boards/${board.id}/links`
    await pageF.route(linksUrl, (route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":"unavailable"}' }))
    const [projector] = await Promise.all([pageF.context().waitForEvent('page'), pageF.getByTestId('projector-link').click()])
    await expect.poll(() => projector.isClosed(), WAIT).toBe(true)
    await pageF.getByRole('alert').getByText('The projector view could not be opened', { exact: false }).waitFor(WAIT)
    await pageF.unroute(linksUrl)
  })

  it("the facilitator folds the bar's controls away from the keyboard and brings them back; phase and timer stay", async () => {
    const toggle = pageF.getByTestId('facilitation-controls-toggle')
    await toggle.focus()
    await pageF.keyboard.press('Enter')
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false')
    await expect(pageF.getByTestId('projector-link').count()).resolves.toBe(0)
    await expect(pageF.getByTestId('phase-bar').isVisible()).resolves.toBe(true)
    await pageF.keyboard.press('Enter')
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true')
    await pageF.getByTestId('projector-link').waitFor(WAIT)
  })
})
