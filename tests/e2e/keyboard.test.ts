import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoardViaApi, startServerProcess, type ServerProcess } from '../support/server'
import type { CreatedBoard } from '../../shared/src/wire/api'
import { launchChromium } from './support/browser'
import { seriousAxeViolations } from './support/axe'
import { screenshotPath } from './support/screenshots'
import { WAIT, enterBoardAs, waitForConnected } from './support/tavoloPage'

// Issue 11, keyboard only: a participant on a 1366×768 laptop joins, adds a card, edits it,
// moves through the zones and their cards, votes and rates without a single mouse or pointer
// event (counted in the page). The facilitator, with a mouse, opens a vote and the ratings in
// phase 1, where ratings are not suggested: the phases suggest tools, they do not forbid them.

let server: ServerProcess
let browser: Browser
let board: CreatedBoard
let facilitator: Page
let participant: Page
let myCard = ''

/** Presses Tab (or Shift+Tab) until the focused element matches `matches`, at most `max` times. */
async function tabUntil(page: Page, matches: (el: Element) => boolean, max = 80, key = 'Tab'): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key)
    if (await page.evaluate(`(${matches.toString()})(document.activeElement)`)) return
  }
  throw new Error(`${max} presses of ${key} never reached the element`)
}

function selectedId(page: Page): Promise<string | null> {
  return page.evaluate(() => (window.__tavolo!.editor.getSelectedShapeIds()[0] as string | undefined) ?? null)
}

/** Walks back with ← to the shape, or forwards with → when it lies ahead. */
async function selectWithArrows(page: Page, id: string): Promise<void> {
  for (const key of ['ArrowLeft', 'ArrowRight']) {
    for (let i = 0; i < 100; i++) {
      if ((await selectedId(page)) === id) return
      const before = await selectedId(page)
      await page.keyboard.press(key)
      if ((await selectedId(page)) === before) break
    }
  }
  expect(await selectedId(page)).toBe(id)
}

function editingId(page: Page): Promise<string | null> {
  return page.evaluate(() => window.__tavolo!.editor.getEditingShapeId() as string | null)
}

function activeIsFirstFieldOf(page: Page, id: string): Promise<boolean> {
  return page.evaluate((shapeId) => {
    const form = document.querySelector(`.tavolo-card[data-shape-id="${shapeId}"] form`)
    return !!form && form.querySelector('input, textarea, select') === document.activeElement
  }, id)
}

function ideaText(page: Page, id: string): Promise<string | undefined> {
  return page.evaluate((shapeId) => (window.__tavolo!.editor.getShape(shapeId as never)?.props as { text?: string } | undefined)?.text, id)
}

beforeAll(async () => {
  server = await startServerProcess()
  browser = await launchChromium()
  board = await createBoardViaApi(server.url, { title: 'Keyboard workshop', template: 'msc-public-services' })
  facilitator = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage()
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } })
  // Every pointer or mouse event the participant's page ever sees, trusted or not.
  await context.addInitScript(() => {
    const w = window as unknown as { __pointerEvents: number }
    w.__pointerEvents = 0
    for (const type of ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'pointermove', 'mousemove', 'wheel']) {
      window.addEventListener(type, () => w.__pointerEvents++, true)
    }
  })
  participant = await context.newPage()
  for (const page of [facilitator, participant]) page.on('pageerror', (error) => console.error(`[page error] ${error.message}`))
  await facilitator.goto(`${server.url}/b/${board.id}#k=${board.secrets.facilitator}`)
  await enterBoardAs(facilitator, 'Fiona')
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('a participant with the keyboard only, at 1366×768', () => {
  it('joins: name, role and the button, all by keyboard', async () => {
    await participant.goto(`${server.url}/b/${board.id}#k=${board.secrets.editor}`)
    await participant.getByTestId('join-screen').waitFor(WAIT)
    // The name field has the focus when the page opens.
    await participant.keyboard.type('Kira Tastiera')
    await tabUntil(participant, (el) => el instanceof HTMLInputElement && el.type === 'radio')
    for (let i = 0; i < 6; i++) {
      const checked = await participant.evaluate(() => document.querySelector<HTMLInputElement>('input[type=radio]:checked')?.parentElement?.textContent ?? '')
      if (checked.includes('Citizen')) break
      await participant.keyboard.press('ArrowDown')
    }
    await tabUntil(participant, (el) => el.textContent === 'Enter the board')
    await participant.keyboard.press('Enter')
    await waitForConnected(participant)
  })

  it('adds a card from the palette through the skip link; the card opens with its first field focused', async () => {
    await tabUntil(participant, (el) => el.textContent === 'Skip to the card palette', 5)
    await participant.keyboard.press('Enter')
    await tabUntil(participant, (el) => el.getAttribute('aria-label') === 'Add an idea card', 6)
    await participant.keyboard.press('Enter')
    await expect.poll(() => editingId(participant), WAIT).not.toBeNull()
    myCard = (await editingId(participant))!
    await expect.poll(() => activeIsFirstFieldOf(participant, myCard), WAIT).toBe(true)
    await participant.keyboard.type('Peer review sessions')
    await participant.keyboard.press('Escape')
    await expect.poll(() => editingId(participant), WAIT).toBeNull()
    expect(await ideaText(participant, myCard)).toBe('Peer review sessions')
    expect(await selectedId(participant)).toBe(myCard)
  })

  it('Enter opens the selected card with its first field focused; Escape leaves it', async () => {
    await participant.keyboard.press('Enter')
    await expect.poll(() => editingId(participant), WAIT).toBe(myCard)
    await expect.poll(() => activeIsFirstFieldOf(participant, myCard), WAIT).toBe(true)
    await participant.keyboard.press('End')
    await participant.keyboard.type(' with rubrics')
    await participant.keyboard.press('Escape')
    await expect.poll(() => editingId(participant), WAIT).toBeNull()
    expect(await ideaText(participant, myCard)).toBe('Peer review sessions with rubrics')
    await expect.poll(() => ideaText(facilitator, myCard), WAIT).toBe('Peer review sessions with rubrics')
  })

  it('Tab and the arrow keys walk the zones, each followed by its own cards, in reading order', async () => {
    const visited: string[] = []
    // From the card back out of the canvas, then in again with Tab and forwards through all of it.
    for (let i = 0; i < 200 && (await selectedId(participant)) !== null; i++) await participant.keyboard.press('Shift+Tab')
    expect(await selectedId(participant)).toBeNull()
    for (let i = 0; i < 200; i++) {
      await participant.keyboard.press('Tab')
      const id = await selectedId(participant)
      if (id === null) break
      visited.push(id)
    }
    const facts = await participant.evaluate((ids) => {
      const editor = window.__tavolo!.editor
      return ids.map((id) => {
        const shape = editor.getShape(id as never)!
        return { id, isZone: shape.type === 'tavolo-zone', parent: shape.parentId as string, y: editor.getShapePageBounds(shape)!.y }
      })
    }, visited)
    const zones = facts.filter((f) => f.isZone)
    const cards = facts.filter((f) => !f.isZone)
    const onPage = await participant.evaluate(() => window.__tavolo!.editor.getCurrentPageShapes().filter((s) => s.type.startsWith('tavolo-')).length)
    // Every zone and card is reached once, cards included (tldraw's own Tab never enters a zone).
    expect(new Set(visited).size).toBe(visited.length)
    expect(visited.length).toBe(onPage)
    expect(visited).toContain(myCard)
    // Each card comes after its own zone, before the next zone.
    let zone = ''
    for (const fact of facts) {
      if (fact.isZone) zone = fact.id
      else expect(fact.parent).toBe(zone)
    }
    expect(zones.length).toBeGreaterThan(1)
    expect(cards.length).toBeGreaterThan(1)
    // Tab past the last shape leaves the canvas: the keyboard is not trapped.
    expect(await participant.evaluate(() => document.activeElement?.classList.contains('tl-container') ?? false)).toBe(false)
    // Shift+Tab comes back in at the last shape; the arrow keys step through the same order.
    await participant.keyboard.press('Shift+Tab')
    expect(await selectedId(participant)).toBe(visited.at(-1))
    for (const [key, index] of [['ArrowUp', -2], ['ArrowLeft', -3], ['ArrowRight', -2], ['ArrowDown', -1], ['ArrowDown', -1]] as const) {
      await participant.keyboard.press(key)
      expect(await selectedId(participant)).toBe(visited.at(index))
    }
  })

  it('Enter on a zone goes to its first card; Delete deletes a card and Ctrl+Z brings it back', async () => {
    await tabUntil(participant, (el) => el.getAttribute('aria-label') === 'Add an idea card', 40, 'Shift+Tab')
    await participant.keyboard.press('Enter')
    await expect.poll(() => editingId(participant), WAIT).not.toBeNull()
    const spare = (await editingId(participant))!
    await participant.keyboard.type('To be deleted')
    await participant.keyboard.press('Escape')
    await expect.poll(() => editingId(participant), WAIT).toBeNull()
    const zoneOfSpare = await participant.evaluate((id) => window.__tavolo!.editor.getShape(id as never)!.parentId as string, spare)
    // Back to the zone, then Enter into it.
    await selectWithArrows(participant, zoneOfSpare)
    await participant.keyboard.press('Enter')
    const first = await selectedId(participant)
    expect(await participant.evaluate((id) => window.__tavolo!.editor.getShape(id as never)!.parentId as string, first)).toBe(zoneOfSpare)
    expect(await editingId(participant)).toBeNull()
    await selectWithArrows(participant, spare)
    await participant.keyboard.press('Delete')
    await expect.poll(() => facilitator.evaluate((id) => !!window.__tavolo!.editor.getShape(id as never), spare), WAIT).toBe(false)
    await participant.keyboard.press('Control+z')
    await expect.poll(() => facilitator.evaluate((id) => window.__tavolo!.editor.getShape(id as never)?.props, spare), WAIT).toMatchObject({ text: 'To be deleted' })
  })

  it('votes with + and − on the selected card while the facilitator has a round open', async () => {
    await facilitator.getByTestId('voting-setup').click()
    await facilitator.getByTestId('voting-open').click()
    await participant.getByTestId('dots-left').waitFor(WAIT)
    await selectWithArrows(participant, myCard)
    const myDots = () => participant.locator(`.tavolo-card[data-shape-id="${myCard}"] [data-testid="card-votes"]`).getAttribute('data-my-dots')
    await participant.keyboard.press('+')
    await participant.keyboard.press('+')
    await expect.poll(myDots, WAIT).toBe('2')
    // The vote buttons sit below the card's text, not over it.
    const overText = await participant.locator(`.tavolo-card[data-shape-id="${myCard}"]`).evaluate((card) => {
      const votes = card.querySelector('[data-testid="card-votes"]')!.getBoundingClientRect()
      // Text the body clips away is not shown: only the part inside the body counts.
      const body = card.querySelector('.tavolo-card-body')!.getBoundingClientRect()
      return [...card.querySelectorAll('.tavolo-card-body p')].some((p) => {
        const r = p.getBoundingClientRect()
        const top = Math.max(r.top, body.top)
        const bottom = Math.min(r.bottom, body.bottom)
        return bottom > top && bottom > votes.top && top < votes.bottom && r.right > votes.left && r.left < votes.right
      })
    })
    expect(overText).toBe(false)
    await participant.keyboard.press('-')
    await expect.poll(myDots, WAIT).toBe('1')
    await expect.poll(() => facilitator.evaluate(() => Object.keys(window.__tavolo!.doc.getMap('votes').toJSON()).length), WAIT).toBe(1)
  })

  it('rates in phase 1 once the facilitator opens the ratings, from the keyboard', async () => {
    expect(await facilitator.getByTestId('phase-bar').getAttribute('data-phase')).toBe('1')
    expect(await participant.getByTestId('rating-panel').count()).toBe(0)
    await facilitator.getByTestId('ratings-toggle').click()
    await participant.getByTestId('rating-panel').waitFor(WAIT)
    // The label says what a press does; a pressed state beside it would read "Close ratings, pressed".
    await facilitator.getByRole('button', { name: 'Close ratings' }).waitFor(WAIT)
    expect(await facilitator.getByTestId('ratings-toggle').getAttribute('aria-pressed')).toBeNull()
    await participant.keyboard.press('Escape')
    await tabUntil(participant, (el) => el instanceof HTMLInputElement && el.type === 'radio' && !!el.closest('[data-testid="rating-panel"]'), 120)
    await participant.keyboard.press('Space')
    await participant.keyboard.press('ArrowRight')
    await participant.keyboard.press('ArrowRight')
    await participant.keyboard.press('ArrowRight')
    await expect
      .poll(() => facilitator.evaluate(() => Object.values(window.__tavolo!.doc.getMap('ratings').toJSON())), WAIT)
      .toEqual([4])
    await participant.screenshot({ path: screenshotPath('keyboard-participant-rating') })
    // The panel folds and opens again from the keyboard too.
    await tabUntil(participant, (el) => el.getAttribute('data-testid') === 'rating-panel-toggle', 10, 'Shift+Tab')
    await participant.keyboard.press('Enter')
    await expect.poll(() => participant.locator('[data-testid="rating-panel"] input[type=radio]').count(), WAIT).toBe(0)
    await participant.keyboard.press('Enter')
    await expect.poll(() => participant.locator('[data-testid="rating-panel"] input[type=radio]').count(), WAIT).toBeGreaterThan(0)
    expect(await seriousAxeViolations(participant)).toEqual([])
  })

  it('never used a mouse or pointer', async () => {
    expect(await participant.evaluate(() => (window as unknown as { __pointerEvents: number }).__pointerEvents)).toBe(0)
  })
})
