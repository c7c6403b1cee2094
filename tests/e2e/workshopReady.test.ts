import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServerProcess, type ServerProcess } from '../support/server'
import { launchChromium } from './support/browser'
import { seriousAxeViolations } from './support/axe'
import { screenshotPath } from './support/screenshots'
import { WAIT, createWorkshop, enterBoardAs } from './support/tavoloPage'
import { overlapping } from './support/overlaps'
import { uncoveredCorners } from './support/visibility'

// Issue 11 in Chromium: a facilitator on a 1920×1080 screen and a participant on a 1366×768
// laptop add every kind of card from the palette; each new card opens where it can be seen, with
// its first field focused and its messages in view, and never on top of another card.

const LAPTOP = { width: 1366, height: 768 }
const WALL = { width: 1920, height: 1080 }
const NUMBER_FIELDS: Record<string, string | undefined> = {
  'Add a content card': 'Hours',
  'Add a lecture format card': 'Hours',
  'Add an exam card': 'Weight (%)',
  'Add an idea card': undefined,
}

let server: ServerProcess
let browser: Browser
let facilitator: Page
let participant: Page
let participantLink: string

async function newPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport })
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`))
  return page
}

async function addEveryCardType(page: Page, label: string): Promise<void> {
  for (const [button, numberField] of Object.entries(NUMBER_FIELDS)) {
    await page.getByRole('button', { name: button }).click()
    const card = page.locator('[data-testid="card"][data-editing="true"]')
    await card.waitFor(WAIT)
    const form = card.locator('form')
    // The first field has the focus, and typing goes into it.
    await expect
      .poll(() => form.evaluate((f) => f.querySelector('input, textarea, select') === document.activeElement), WAIT)
      .toBe(true)
    await expect.poll(() => uncoveredCorners(page, card), WAIT).toEqual({ inViewport: true, covered: [] })
    if (numberField) {
      await form.getByLabel(numberField).fill('abc')
      const message = card.getByTestId('field-message')
      await message.waitFor(WAIT)
      expect(await uncoveredCorners(page, message)).toEqual({ inViewport: true, covered: [] })
    }
    await page.screenshot({ path: screenshotPath(`placement-${label}-${button.split(' ').at(-2)}`) })
    await page.keyboard.press('Escape')
    await page.locator('[data-testid="card"][data-editing="true"]').waitFor({ state: 'detached', ...WAIT })
  }
}

beforeAll(async () => {
  server = await startServerProcess()
  browser = await launchChromium()
  facilitator = await newPage(WALL)
  participant = await newPage(LAPTOP)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('cards open where people can see them', () => {
  it('the facilitator at 1920×1080: every palette card ends fully visible, focused, its errors in view', async () => {
    await createWorkshop(facilitator, server.url, 'Placement', 'msc-public-services')
    await enterBoardAs(facilitator, 'Fiona')
    await facilitator.locator('[data-testid="zone"]', { hasText: 'Contents' }).waitFor(WAIT)
    await addEveryCardType(facilitator, 'wall')
  })

  it('a participant at 1366×768: the same', async () => {
    await facilitator.getByTestId('share-button').click()
    participantLink = await facilitator.getByTestId('participant-link').inputValue()
    await facilitator.getByRole('button', { name: 'Close' }).click()
    await participant.goto(participantLink)
    await enterBoardAs(participant, 'Carla Bianchi', 'Citizen / service user')
    await participant.locator('[data-testid="zone"]', { hasText: 'Contents' }).waitFor(WAIT)
    await addEveryCardType(participant, 'laptop')
  })

  it('ten cards added to a full zone overlap nothing, and the zone grows to hold them', async () => {
    const zoneHeight = () =>
      participant.evaluate(() => {
        const editor = window.__tavolo!.editor
        const zone = editor.getCurrentPageShapes().find((s) => s.type === 'tavolo-zone' && (s.props as { title: string }).title === 'Contents')!
        return (zone.props as { h: number }).h
      })
    const before = await zoneHeight()
    for (let i = 0; i < 10; i++) {
      await participant.getByRole('button', { name: 'Add a content card' }).click()
      await participant.locator('[data-testid="card"][data-editing="true"]').waitFor(WAIT)
      await participant.keyboard.type(`Topic ${i + 1}`)
      await participant.keyboard.press('Escape')
      await participant.locator('[data-testid="card"][data-editing="true"]').waitFor({ state: 'detached', ...WAIT })
    }
    for (const page of [participant, facilitator]) {
      expect(await overlapping(page, 'cards')).toEqual([])
      expect(await overlapping(page, 'zones')).toEqual([])
    }
    expect(await zoneHeight()).toBeGreaterThan(before)
    const parents = await participant.evaluate(() => {
      const editor = window.__tavolo!.editor
      return editor
        .getCurrentPageShapes()
        .filter((s) => s.type === 'tavolo-content' && (s.props as { title: string }).title.startsWith('Topic'))
        .map((s) => {
          const zone = editor.getShape(s.parentId as never)
          const inside = zone ? editor.getShapePageBounds(zone)!.contains(editor.getShapePageBounds(s)!) : false
          return inside ? 'inside' : 'outside'
        })
    })
    expect(parents).toEqual(Array(10).fill('inside'))
    await participant.screenshot({ path: screenshotPath('placement-ten-cards') })
  })
})

describe('names come from the people map everywhere', () => {
  it('the projector and an SVG export name the participant who made a card', async () => {
    const svg = await participant.evaluate(async () => {
      const editor = window.__tavolo!.editor
      const mine = editor.getCurrentPageShapes().filter((s) => s.type === 'tavolo-content' && (s.props as { title: string }).title === 'Topic 1')
      return (await editor.getSvgString(mine.map((s) => s.id)))?.svg ?? ''
    })
    expect(svg).toContain('Carla Bianchi')
    expect(svg).not.toContain('Unknown person')
    const projector = await facilitator.context().newPage()
    await projector.setViewportSize(WALL)
    await projector.goto(facilitator.url().replace(/\/b\/([^/#]+)/, '/b/$1/present'))
    await projector.getByTestId('present-screen').waitFor(WAIT)
    await projector.locator('[data-testid="card-creator"]', { hasText: 'Carla Bianchi' }).first().waitFor({ state: 'attached', ...WAIT })
    await projector.close()
  })
})

describe('accessibility: no serious or moderate axe-core violations', () => {
  it('on the home page', async () => {
    const page = await newPage(LAPTOP)
    await page.goto(`${server.url}/`)
    await page.getByRole('button', { name: 'Create workshop' }).waitFor(WAIT)
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.close()
  })

  it('on the join page', async () => {
    const page = await newPage(LAPTOP)
    await page.goto(participantLink)
    await page.getByTestId('join-screen').waitFor(WAIT)
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.close()
  })

  it('on the board, for a participant at 1366×768 and the facilitator at 1920×1080', async () => {
    await participant.getByTestId('people-toggle').click()
    expect(await seriousAxeViolations(participant)).toEqual([])
    await participant.keyboard.press('Escape')
    expect(await seriousAxeViolations(facilitator)).toEqual([])
  })

  it('on the projector at 1920×1080', async () => {
    const projector = await facilitator.context().newPage()
    await projector.setViewportSize(WALL)
    await projector.goto(facilitator.url().replace(/\/b\/([^/#]+)/, '/b/$1/present'))
    await projector.getByTestId('present-screen').waitFor(WAIT)
    await projector.waitForFunction(() => window.__tavolo?.editor !== undefined, undefined, WAIT)
    expect(await seriousAxeViolations(projector)).toEqual([])
    await projector.close()
  })
})
