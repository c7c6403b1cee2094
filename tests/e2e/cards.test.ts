import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServerProcess, type ServerProcess } from '../support/server'
import { launchChromium } from './support/browser'
import { screenshotPath } from './support/screenshots'
import { WAIT, createWorkshop, enterBoardAs } from './support/tavoloPage'

// A facilitator (A) runs the MSc template; a professional (B) fills it through the card palette
// and in-place editing. A's summary panel follows B's work live. Steps run in order.

const HOURS_MESSAGE = 'Hours must be a number, 0 or more, in steps of 0.5'

let server: ServerProcess
let browser: Browser
let pageA: Page
let pageB: Page
const contentCards: string[] = []

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`))
  return page
}

/** Shows the whole board with room around it (tldraw's zoom to fit, then one step out). */
async function showWholeBoard(page: Page): Promise<void> {
  // Focus the canvas on an empty spot at its top, away from tldraw's menus and panels.
  const box = (await page.locator('.tl-canvas').boundingBox())!
  await page.mouse.click(box.x + box.width * 0.6, box.y + 12)
  await page.keyboard.press('Escape')
  await page.keyboard.press('Shift+1')
  await page.keyboard.press('Minus')
  await waitForStillCamera(page)
}

/** Waits out tldraw's camera animations: the camera has not moved for a few frames in a row. */
async function waitForStillCamera(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const editor = window.__tavolo!.editor
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve))
    let still = 0
    let last = JSON.stringify(editor.getCamera())
    while (still < 10) {
      await frame()
      const now = JSON.stringify(editor.getCamera())
      still = now === last ? still + 1 : 0
      last = now
    }
  })
}

/** Clicks a palette button; the new card opens for editing. Returns its id. */
async function addCardByClick(page: Page, buttonName: string): Promise<string> {
  await page.getByRole('button', { name: buttonName }).click()
  const editing = page.locator('[data-testid="card"][data-editing="true"]')
  await editing.waitFor(WAIT)
  return (await editing.getAttribute('data-shape-id'))!
}

function cardProps(page: Page, id: string): Promise<Record<string, unknown> | null> {
  return page.evaluate((shapeId) => {
    const shape = window.__tavolo!.editor.getShape(shapeId as never)
    return shape ? (shape.props as Record<string, unknown>) : null
  }, id)
}

/** The screen point of a page point, or of a card's centre. */
function screenPoint(page: Page, target: string | { x: number; y: number }): Promise<{ x: number; y: number }> {
  return page.evaluate((t) => {
    const editor = window.__tavolo!.editor
    const point = typeof t === 'string' ? editor.getShapePageBounds(t as never)!.center : t
    const screen = editor.pageToScreen(point)
    return { x: screen.x, y: screen.y }
  }, target)
}

async function summaryText(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).textContent()) ?? ''
}

async function waitForSummary(page: Page, testId: string, text: string): Promise<void> {
  await page.locator(`[data-testid="${testId}"]`, { hasText: text }).waitFor(WAIT)
}

beforeAll(async () => {
  server = await startServerProcess()
  browser = await launchChromium()
  pageA = await newPage()
  pageB = await newPage()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('structured cards and the live summary in Chromium', () => {
  it('A creates a workshop from the MSc template and sees its zones and targets', async () => {
    await createWorkshop(pageA, server.url, 'MSc design', 'msc-public-services')
    await enterBoardAs(pageA, 'Alice')
    await pageA.locator('[data-testid="zone"]', { hasText: 'Contents' }).waitFor(WAIT)
    await waitForSummary(pageA, 'summary-content-hours', '0 h of 50 h')
    await pageA.locator('[data-testid="summary-warnings"]', { hasText: 'Contents take 0 h of 50 h — 50 h to plan' }).waitFor(WAIT)
    await showWholeBoard(pageA)
  })

  it('B joins and adds three content cards with hours through the palette', async () => {
    await pageA.getByTestId('share-button').click()
    const link = await pageA.getByTestId('participant-link').inputValue()
    await pageA.getByRole('button', { name: 'Close' }).click()
    await pageB.goto(link)
    await enterBoardAs(pageB, 'Bruno', 'Professional')
    await showWholeBoard(pageB)

    const contents = [
      { title: 'Service design methods', hours: '12' },
      { title: 'Digital public services', hours: '16' },
      { title: 'Evaluating co-production', hours: '10,5' },
    ]
    for (const { title, hours } of contents) {
      const id = await addCardByClick(pageB, 'Add a content card')
      // The title has the focus; Tab moves to the description, then to the hours.
      await pageB.keyboard.type(title)
      await pageB.keyboard.press('Tab')
      await pageB.keyboard.type('Written by a professional')
      await pageB.keyboard.press('Tab')
      await pageB.keyboard.press('ControlOrMeta+A')
      await pageB.keyboard.type(hours)
      await pageB.keyboard.press('Enter')
      await pageB.locator(`[data-testid="card"][data-shape-id="${id}"]:not([data-editing])`).waitFor(WAIT)
      contentCards.push(id)
    }
    const stored = await Promise.all(contentCards.map((id) => cardProps(pageB, id)))
    expect(stored.map((p) => [p?.title, p?.hours])).toEqual([
      ['Service design methods', 12],
      ['Digital public services', 16],
      ['Evaluating co-production', 10.5],
    ])
    // Placed in the Contents zone: children of it, so they move with it.
    const parents = await pageB.evaluate(
      (ids) => ids.map((id) => {
        const editor = window.__tavolo!.editor
        const parent = editor.getShape(editor.getShape(id as never)!.parentId as never)
        return parent && 'title' in parent.props ? parent.props.title : null
      }),
      contentCards,
    )
    expect(parents).toEqual(['Contents', 'Contents', 'Contents'])
  })

  it('B adds an exam with a weight; A sees the new totals and warnings live', async () => {
    const exam = await addCardByClick(pageB, 'Add an exam card')
    const form = pageB.locator(`[data-shape-id="${exam}"] form`)
    await form.getByLabel('When').selectOption('ongoing')
    await form.getByLabel('Weight (%)').fill('40')
    await form.getByLabel('Weight (%)').press('Enter')
    await expect.poll(() => cardProps(pageB, exam).then((p) => [p?.timing, p?.weight]), WAIT).toEqual(['ongoing', 40])

    await waitForSummary(pageA, 'summary-content-hours', '38.5 h of 50 h')
    await waitForSummary(pageA, 'summary-exam-weights', '40 % of 100 %')
    await expect(summaryText(pageA, 'summary-exam-ongoing')).resolves.toBe('40 %')
    await expect(summaryText(pageA, 'summary-exam-final')).resolves.toBe('0 %')
    const warnings = pageA.getByTestId('summary-warnings')
    await warnings.getByText('Contents take 38.5 h of 50 h — 11.5 h to plan').waitFor(WAIT)
    await warnings.getByText('Exam weights add up to 40 % — 60 % to assign').waitFor(WAIT)
    await expect(pageA.locator('[data-testid="summary-contributions"] tr[data-role="professional"]').textContent()).resolves.toBe('Professional44')
  })

  it('every card shows its creator’s name and role, to everyone', async () => {
    const badge = pageA.locator(`[data-shape-id="${contentCards[0]}"] [data-testid="card-creator"]`)
    await expect(badge.textContent()).resolves.toBe('BrunoProfessional')
    await expect(badge.locator('.tavolo-role-badge').textContent()).resolves.toBe('Professional')
    const starter = pageA.locator('[data-testid="card"]', { hasText: 'Public value' }).getByTestId('card-creator')
    await expect(starter.textContent()).resolves.toBe('From the template')
  })

  it('an invalid hours value shows the message next to the field and is not stored', async () => {
    const id = contentCards[1]
    const centre = await screenPoint(pageB, id)
    await pageB.mouse.click(centre.x, centre.y)
    // Selecting a card reads its fields out to screen readers (tldraw's live region).
    await pageB
      .locator('[role="status"]', { hasText: 'Title: Digital public services, Description: Written by a professional, Hours: 16 h' })
      .filter({ hasText: 'Content card' })
      .waitFor({ state: 'attached', ...WAIT })
    await pageB.keyboard.press('Shift+2') // zoom to the selected card, for the screenshot
    await waitForStillCamera(pageB)
    await pageB.keyboard.press('Enter')
    const hours = pageB.locator(`[data-shape-id="${id}"] form`).getByLabel('Hours')
    await hours.fill('2.3')
    await pageB.getByTestId('field-message').getByText(HOURS_MESSAGE).waitFor(WAIT)
    // Shown whole on the card, not scrolled or clipped away.
    const card = (await pageB.locator(`[data-testid="card"][data-shape-id="${id}"]`).boundingBox())!
    const message = (await pageB.getByTestId('field-message').boundingBox())!
    expect(message.y + message.height).toBeLessThanOrEqual(card.y + card.height)
    await pageB.screenshot({ path: screenshotPath('cards-editing') })
    await expect(hours.getAttribute('aria-invalid')).resolves.toBe('true')
    await pageB.keyboard.press('Escape')
    await pageB.locator(`[data-testid="card"][data-shape-id="${id}"]:not([data-editing])`).waitFor(WAIT)
    expect((await cardProps(pageB, id))?.hours).toBe(16)
    await expect(summaryText(pageA, 'summary-content-hours')).resolves.toBe('38.5 h of 50 h')
    await showWholeBoard(pageB)
  })

  it('a card moved out of the Contents zone leaves the total; its warning selects it', async () => {
    const id = contentCards[0]
    const from = await screenPoint(pageB, id)
    const below = await pageB.evaluate(() => {
      const editor = window.__tavolo!.editor
      const zones = editor.getCurrentPageShapes().filter((s) => s.type === 'tavolo-zone')
      const bottom = Math.max(...zones.map((z) => editor.getShapePageBounds(z)!.maxY))
      return { x: 460, y: bottom + 160 }
    })
    const to = await screenPoint(pageB, below)
    await pageB.mouse.move(from.x, from.y)
    await pageB.mouse.down()
    await pageB.mouse.move(to.x, to.y, { steps: 12 })
    await pageB.mouse.up()

    await waitForSummary(pageA, 'summary-content-hours', '26.5 h of 50 h')
    const outside = pageA.getByTestId('summary-warnings').getByText('1 card is outside every zone and not counted')
    await outside.click()
    await expect.poll(() => pageA.evaluate(() => window.__tavolo!.editor.getSelectedShapeIds()), WAIT).toEqual([id])
  })

  it('a card duplicates with Ctrl+D, fields and all', async () => {
    const id = contentCards[2]
    const centre = await screenPoint(pageB, id)
    await pageB.mouse.click(centre.x, centre.y)
    await pageB.keyboard.press('ControlOrMeta+D')
    const copy = await pageB.waitForFunction(
      (original) => {
        const selected = window.__tavolo!.editor.getOnlySelectedShape()
        return selected && selected.id !== original && selected.type === 'tavolo-content' ? selected.id : null
      },
      id,
      WAIT,
    )
    const copyId = (await copy.jsonValue()) as string
    expect((await cardProps(pageB, copyId))?.title).toBe('Evaluating co-production')

    // A double-click opens a card for editing too; Escape closes it.
    await pageB.keyboard.press('Escape')
    const cardCentre = await screenPoint(pageB, id)
    await pageB.mouse.dblclick(cardCentre.x, cardCentre.y)
    const card = pageB.locator(`[data-testid="card"][data-shape-id="${id}"]`)
    await card.and(pageB.locator('[data-editing="true"]')).waitFor(WAIT)
    await expect(card.getByLabel('Title').inputValue()).resolves.toBe('Evaluating co-production')
    await pageB.keyboard.press('Escape')
    await card.and(pageB.locator(':not([data-editing])')).waitFor(WAIT)
  })

  it('a palette button dragged onto a zone drops a card there', async () => {
    // The zone itself lets pointer events through to the canvas, so the drop aims at the canvas.
    const zone = (await pageB.locator('[data-testid="zone"]', { hasText: 'Parking lot' }).boundingBox())!
    const canvas = pageB.locator('.tl-canvas')
    const canvasBox = (await canvas.boundingBox())!
    await pageB.getByRole('button', { name: 'Add an idea card' }).dragTo(canvas, {
      targetPosition: { x: zone.x + zone.width / 2 - canvasBox.x, y: zone.y + zone.height / 2 - canvasBox.y },
    })
    const editing = pageB.locator('[data-testid="card"][data-card-type="tavolo-idea"][data-editing="true"]')
    await editing.waitFor(WAIT)
    await pageB.keyboard.type('Invite a service user to co-teach one session')
    await pageB.keyboard.press('Enter')
    // A's camera is elsewhere, where tldraw does not display the card: it is there all the same.
    await pageA.locator('[data-testid="card"]', { hasText: 'Invite a service user to co-teach' }).waitFor({ state: 'attached', ...WAIT })
    await pageA.locator('[data-testid="summary-zones"] li', { hasText: 'Parking lot (ideas)' }).getByText('1', { exact: true }).waitFor(WAIT)
  })

  it('the Contents warning selects the content cards and brings them into view (screenshots kept for review)', async () => {
    await pageA.keyboard.press('Escape')
    await showWholeBoard(pageA)
    await pageA.screenshot({ path: screenshotPath('cards-board') })
    await pageA.getByTestId('summary-warnings').getByRole('button', { name: /Contents take/ }).click()
    await waitForStillCamera(pageA)
    const selected = await pageA.evaluate(() => {
      const editor = window.__tavolo!.editor
      const viewport = editor.getViewportPageBounds()
      return editor.getSelectedShapes().map((shape) => ({
        type: shape.type,
        inView: viewport.contains(editor.getShapePageBounds(shape)!),
      }))
    })
    expect(selected.length).toBeGreaterThan(0)
    expect(selected.every((s) => s.type === 'tavolo-content' && s.inView)).toBe(true)
    await pageA.screenshot({ path: screenshotPath('cards') })
  })

  it('only the facilitator sets the hours target, and everyone’s summary follows it', async () => {
    await expect(pageB.getByLabel('Hours target').count()).resolves.toBe(0)
    await pageA.getByLabel('Hours target').fill('0')
    await pageA.getByRole('button', { name: 'Set', exact: true }).click()
    const invalid = pageA.getByRole('alert').getByText('The target must be a number of hours above 0 and at most 10,000, in steps of 0.5.')
    await invalid.waitFor(WAIT)
    // Above the largest budget target, which a budget round would take from it (session.targets' validator).
    await pageA.getByLabel('Hours target').fill('10000.5')
    await expect(invalid.count()).resolves.toBe(0)
    await pageA.getByRole('button', { name: 'Set', exact: true }).click()
    await invalid.waitFor(WAIT)
    await pageA.getByLabel('Hours target').fill('40')
    await pageA.getByRole('button', { name: 'Set', exact: true }).click()
    await waitForSummary(pageB, 'summary-content-hours', '26.5 h of 40 h')
    await pageB.getByTestId('summary-warnings').getByText('Contents take 26.5 h of 40 h — 13.5 h to plan').waitFor(WAIT)
  })

  it('the facilitator adds another template’s zones beside the board', async () => {
    await pageA.getByLabel('Add a template’s zones').selectOption('coproduction-star')
    await pageA.getByRole('button', { name: 'Add', exact: true }).click()
    for (const title of ['Co-commission', 'Co-design', 'Co-deliver', 'Co-assess']) {
      // Beside the board, out of B's view: there, not displayed.
      await pageB.locator('[data-testid="zone"] .tavolo-zone-title', { hasText: new RegExp(`^${title}$`) }).waitFor({ state: 'attached', ...WAIT })
    }
    await expect(pageB.locator('[data-testid="zone"]').count()).resolves.toBe(8)
    // The target set on the board is kept.
    await expect(summaryText(pageA, 'summary-content-hours')).resolves.toBe('26.5 h of 40 h')
  })
})
