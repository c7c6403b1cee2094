import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { en } from '../../shared/src/i18n/en'
import { it as italian } from '../../shared/src/i18n/it'
import { startServerProcess, type ServerProcess } from '../support/server'
import { launchChromium } from './support/browser'
import { screenshotPath } from './support/screenshots'
import { WAIT, waitForConnected } from './support/tavoloPage'

// Issue 11: with the browser in Italian (it-IT), every page and panel a person can open — home,
// join, the board as facilitator and as participant, the projector — shows no English sentence
// of Tavolo's own. The check walks the English catalogue: each text that Italian words
// differently and that is longer than a couple of words must not appear in the page's text,
// its aria-labels, titles, placeholders or alt texts.

const LAPTOP = { width: 1366, height: 768 }
const WALL = { width: 1920, height: 1080 }

/** Every leaf of a catalogue as [dotted key, text]. */
function leaves(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]]
  return Object.entries(node as object).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
}

/** The English fragments (between placeholders) of at least three words whose key Italian words otherwise. */
const ENGLISH: { key: string; text: string }[] = (() => {
  const italianText = new Map(leaves(italian))
  return leaves(en)
    .filter(([key, text]) => italianText.get(key) !== text)
    .flatMap(([key, text]) => text.split(/\{\{[^}]*\}\}/).map((part) => ({ key, text: part.trim() })))
    .filter(({ text }) => (text.match(/\p{L}{2,}/gu) ?? []).length >= 3)
})()

/** What a person (or a screen reader) gets from the page: its text and its labels. */
function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const labels = [...document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')].flatMap((el) =>
      ['aria-label', 'title', 'placeholder', 'alt'].map((name) => el.getAttribute(name) ?? ''),
    )
    return `${document.body.innerText}\n${labels.join('\n')}`
  })
}

/** Fails with the English texts found (and their catalogue keys); keeps a screenshot of the state. */
async function expectNoEnglish(page: Page, state: string): Promise<void> {
  await page.screenshot({ path: screenshotPath(`italian-${state}`) })
  const text = await pageText(page)
  const found = ENGLISH.filter((e) => text.includes(e.text)).map((e) => `${e.key}: ${e.text}`)
  expect(found, state).toEqual([])
}

let server: ServerProcess
let browser: Browser

async function italianPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'it-IT' })
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`))
  return page
}

/** Joins from the join screen shown; on a timeout keeps a screenshot of where it stopped. */
async function joinAs(page: Page, name: string, role: string | null, state: string): Promise<void> {
  const join = page.getByTestId('join-screen')
  await join.locator('input').first().fill(name)
  if (role) await join.locator(`input[type="radio"][value="${role}"]`).check()
  await join.locator('button[type="submit"]').click()
  try {
    await waitForConnected(page)
  } catch (error) {
    await page.screenshot({ path: screenshotPath(`italian-${state}-stuck`) })
    throw error
  }
}

/** Opens something by its test id, checks the page, then closes it with Escape (or `close`). */
async function openAndCheck(page: Page, opener: string, opened: string, state: string, close: () => Promise<void> = () => page.keyboard.press('Escape')) {
  await page.getByTestId(opener).click()
  await page.getByTestId(opened).first().waitFor(WAIT)
  await expectNoEnglish(page, state)
  await close()
}

beforeAll(async () => {
  server = await startServerProcess()
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('the UI in Italian (browser locale it-IT) shows no English of our own', { timeout: 240_000 }, () => {
  let facilitator: Page
  let boardId = ''
  let facilitatorSecret = ''

  it('the catalogue walk has something to look for', () => {
    expect(ENGLISH.length).toBeGreaterThan(100)
    expect(ENGLISH.map((e) => e.text)).toContain('Add a content card')
  })

  it('home: the forms, the template list, and a refused import worded in Italian', async () => {
    facilitator = await italianPage(WALL)
    await facilitator.goto(`${server.url}/`)
    expect(await facilitator.evaluate(() => document.documentElement.lang)).toBe('it')
    const template = facilitator.locator('#workshop-template')
    await expect.poll(() => template.locator('option').allTextContents(), WAIT).toContain('Stella della co-produzione')
    await expectNoEnglish(facilitator, 'home')

    // A file that is not a board: the server's refusal (code board-file-not-tavolo) in Italian.
    const importForm = facilitator.getByTestId('import-form')
    await importForm.locator('input[type="file"]').setInputFiles({ name: 'note.json', mimeType: 'application/json', buffer: Buffer.from('{"ciao": "mondo"}') })
    await importForm.locator('button[type="submit"]').click()
    await facilitator.getByTestId('import-error').getByText('Questo file non è una lavagna Tavolo').waitFor(WAIT)
    await expectNoEnglish(facilitator, 'home-bad-import')
  })

  it('join and board as facilitator: the Italian template, every panel and dialog', async () => {
    await facilitator.locator('#workshop-title').fill('Laboratorio di co-progettazione')
    await facilitator.locator('#workshop-template').selectOption('msc-public-services')
    await facilitator.getByTestId('new-workshop-form').locator('button[type="submit"]').click()
    await facilitator.waitForURL(/\/b\/[^/#]+#k=.+/, WAIT)
    const url = new URL(facilitator.url())
    boardId = url.pathname.split('/')[2]
    facilitatorSecret = new URLSearchParams(url.hash.slice(1)).get('k')!

    const join = facilitator.getByTestId('join-screen')
    await join.waitFor(WAIT)
    await expectNoEnglish(facilitator, 'join-facilitator')
    await joinAs(facilitator, 'Francesca', null, 'join-facilitator')
    // The board was made in Italian: its zones and starter cards are too.
    await facilitator.locator('[data-testid="zone"]', { hasText: 'Contenuti' }).waitFor(WAIT)
    await facilitator.getByText('Pubblica amministrazione, NPM e riforme manageriali').first().waitFor(WAIT)
    await expectNoEnglish(facilitator, 'board-facilitator')

    await openAndCheck(facilitator, 'share-button', 'share-dialog', 'share-dialog')
    await openAndCheck(facilitator, 'export-button', 'export-menu', 'export-menu')
    await openAndCheck(facilitator, 'people-toggle', 'people-list', 'people-list')
    await openAndCheck(facilitator, 'voting-setup', 'voting-setup-dialog', 'voting-setup')
    // Opening the ratings puts the rating panel on the board; its toggle unfolds it.
    await facilitator.getByTestId('ratings-toggle').click()
    await openAndCheck(facilitator, 'rating-panel-toggle', 'rating-panel', 'rating-panel', async () => {
      await facilitator.getByTestId('ratings-toggle').click()
      await facilitator.getByTestId('rating-panel').waitFor({ state: 'detached', ...WAIT })
    })
    await openAndCheck(facilitator, 'levels-toggle', 'levels-panel', 'levels-panel', () => facilitator.getByTestId('levels-toggle').click())

    // A new card's form, with an error message in it.
    await facilitator.getByTestId('card-palette').locator('button').first().click()
    const card = facilitator.locator('[data-testid="card"][data-editing="true"]')
    await card.waitFor(WAIT)
    const hours = card.locator('input[inputmode="decimal"], input[type="number"]').first()
    if ((await hours.count()) > 0) await hours.fill('abc')
    await expectNoEnglish(facilitator, 'card-form')
    await facilitator.keyboard.press('Escape')
  })

  it('a participant on a laptop: join with a role, the board, the people list', async () => {
    const links = (await (await fetch(`${server.url}/api/boards/${boardId}/links`, { headers: { Authorization: `Bearer ${facilitatorSecret}` } })).json()) as {
      editor: string
    }
    const participant = await italianPage(LAPTOP)
    await participant.goto(`${server.url}/b/${boardId}#k=${links.editor}`)
    const join = participant.getByTestId('join-screen')
    await join.waitFor(WAIT)
    await expectNoEnglish(participant, 'join-participant')
    await joinAs(participant, 'Carla Bianchi', 'citizen', 'join-participant')
    await participant.locator('[data-testid="zone"]', { hasText: 'Contenuti' }).waitFor(WAIT)
    await expectNoEnglish(participant, 'board-participant')
    await openAndCheck(participant, 'people-toggle', 'people-list', 'people-list-participant')
  })

  it('the projector', async () => {
    const links = (await (await fetch(`${server.url}/api/boards/${boardId}/links`, { headers: { Authorization: `Bearer ${facilitatorSecret}` } })).json()) as {
      editor: string
      viewer: string
    }
    const projector = await italianPage(WALL)
    await projector.goto(`${server.url}/b/${boardId}/present#k=${links.viewer}&j=${links.editor}`)
    await projector.getByTestId('present-screen').waitFor(WAIT)
    await projector.locator('[data-testid="zone"]', { hasText: 'Contenuti' }).first().waitFor(WAIT)
    await expectNoEnglish(projector, 'projector')
  })
})
