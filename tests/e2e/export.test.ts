import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CARDS_CSV_COLUMNS } from '../../shared/src/export/cardsCsv'
import { startServerProcess, type ServerProcess } from '../support/server'
import { launchChromium, recordRequests, type RequestLog } from './support/browser'
import { screenshotPath } from './support/screenshots'
import { WAIT, createWorkshop, enterBoardAs, waitForConnected } from './support/tavoloPage'

// The facilitator exports the MSc board in every format from the Export menu and reads the
// downloaded files; a participant sees only the programme and the images; the board file comes
// back in through "Import a board file" on the Home screen. Steps run in order.

const NEW_CARD = 'Participatory budgeting'
const CARD_TYPES = ['tavolo-content', 'tavolo-format', 'tavolo-exam', 'tavolo-idea']
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

let server: ServerProcess
let browser: Browser
let requestsA: RequestLog
let requestsB: RequestLog
let pageA: Page
let board: { boardId: string; secret: string }
let boardFilePath: string

async function newContext(): Promise<{ context: BrowserContext; requests: RequestLog; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true })
  const requests = recordRequests(context)
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`))
  return { context, requests, page }
}

async function openExportMenu(page: Page): Promise<string[]> {
  await page.getByTestId('export-button').click()
  await page.getByTestId('export-menu').waitFor(WAIT)
  return page.getByTestId('export-menu').getByRole('menuitem').allTextContents()
}

/** Chooses a menu item and returns the downloaded file's name, path on disk and bytes. */
async function download(page: Page, label: string): Promise<{ name: string; file: string; bytes: Buffer }> {
  await openExportMenu(page)
  const [event] = await Promise.all([
    page.waitForEvent('download', WAIT),
    page.getByRole('menuitem', { name: label, exact: true }).click(),
  ])
  const file = await event.path()
  await page.getByTestId('export-button').and(page.locator('[aria-busy="false"]')).waitFor(WAIT)
  return { name: event.suggestedFilename(), file, bytes: readFileSync(file) }
}

/** Clicks just outside a zone's top edge, where tldraw picks a frame-like shape. */
async function selectZone(page: Page, title: string): Promise<void> {
  const zone = (await page.locator('[data-testid="zone"]', { hasText: title }).boundingBox())!
  await page.mouse.click(zone.x + zone.width / 2, zone.y - 2)
  await page.waitForFunction(
    (zoneTitle) => {
      const selected = window.__tavolo!.editor.getOnlySelectedShape()
      return selected?.type === 'tavolo-zone' && selected.props.title === zoneTitle
    },
    title,
    WAIT,
  )
}

function cardPropsOnBoard(page: Page): Promise<string[]> {
  return page.evaluate(
    (types) =>
      window
        .__tavolo!.editor.getCurrentPageShapes()
        .filter((s) => types.includes(s.type))
        .map((s) => JSON.stringify(s.props))
        .sort(),
    CARD_TYPES,
  )
}

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks; records end in CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"'
      i++
    } else if (c === '"') {
      quoted = !quoted
    } else if (!quoted && c === ',') {
      row.push(field)
      field = ''
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else {
      field += c
    }
  }
  return rows
}

/** The programme the server would export now: the test waits for the new card to be stored. */
async function storedProgramme(): Promise<string> {
  const response = await fetch(`${server.url}/api/boards/${board.boardId}/export.md`, {
    headers: { Authorization: `Bearer ${board.secret}` },
  })
  return response.text()
}

beforeAll(async () => {
  server = await startServerProcess()
  browser = await launchChromium()
  ;({ requests: requestsA, page: pageA } = await newContext())
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('export and import in Chromium', () => {
  it('the facilitator creates an MSc workshop and adds a content card', async () => {
    board = await createWorkshop(pageA, server.url, 'MSc — Città 2026', 'msc-public-services')
    await enterBoardAs(pageA, 'Alice')
    await pageA.getByRole('button', { name: 'Add a content card' }).click()
    const editing = pageA.locator('[data-testid="card"][data-editing="true"]')
    await editing.waitFor(WAIT)
    await pageA.keyboard.type(NEW_CARD)
    await pageA.keyboard.press('Tab')
    await pageA.keyboard.type('Citizens decide, with the council, how to spend part of a budget')
    await pageA.keyboard.press('Tab')
    await pageA.keyboard.press('ControlOrMeta+A')
    await pageA.keyboard.type('6')
    await pageA.keyboard.press('Enter')
    await pageA.locator('[data-testid="card"]:not([data-editing])', { hasText: NEW_CARD }).waitFor(WAIT)
    await expect.poll(storedProgramme, WAIT).toContain(NEW_CARD)
    // The whole board in view, so that a zone's title bar can be clicked.
    await pageA.keyboard.press('Escape')
    await pageA.keyboard.press('Shift+1')
  })

  it('the menu opens from the keyboard and lists every format for the facilitator', async () => {
    await pageA.keyboard.press('Escape')
    await pageA.getByTestId('export-button').focus()
    await pageA.keyboard.press('ArrowDown')
    const menu = pageA.getByTestId('export-menu')
    await menu.waitFor(WAIT)
    await expect(menu.getByRole('menuitem').allTextContents()).resolves.toEqual([
      'Programme (Markdown)',
      'Programme (PDF)',
      'Cards (CSV)',
      'Board file (JSON)',
      'Image of the board (PNG)',
      'Image of the board (SVG)',
    ])
    const focused = () => pageA.evaluate(() => document.activeElement?.textContent)
    await expect(focused()).resolves.toBe('Programme (Markdown)')
    await pageA.keyboard.press('ArrowUp')
    await expect(focused()).resolves.toBe('Image of the board (SVG)')
    await pageA.keyboard.press('Home')
    await pageA.keyboard.press('ArrowDown')
    await expect(focused()).resolves.toBe('Programme (PDF)')
    await pageA.screenshot({ path: screenshotPath('export-menu') })
    await pageA.keyboard.press('Escape')
    await menu.waitFor({ state: 'detached', ...WAIT })
    await expect(pageA.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('export-button')
  })

  it('the Markdown programme has the course’s contents', async () => {
    const { name, bytes } = await download(pageA, 'Programme (Markdown)')
    expect(name).toBe('msc-citta-2026-programme.md')
    const text = bytes.toString('utf8')
    expect(text).toContain('MSc — Città 2026')
    for (const content of ['Public value', 'New Public Governance', NEW_CARD]) expect(text).toContain(content)
  })

  it('the PDF shows its progress, opens, and its text has the course’s contents', async () => {
    // The request is held on its way to the server, long enough to see the progress state.
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await pageA.route('**/export.pdf', async (route) => {
      await held
      await route.continue()
    })
    const downloaded = download(pageA, 'Programme (PDF)')
    await pageA.getByTestId('export-status').getByText('Preparing Programme (PDF)…').waitFor(WAIT)
    await expect(pageA.getByTestId('export-button').textContent()).resolves.toBe('Exporting…')
    release()
    const { name, file, bytes } = await downloaded
    await pageA.unroute('**/export.pdf')
    expect(name).toBe('msc-citta-2026-programme.pdf')
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    for (const content of ['Public value', 'New Public Governance', NEW_CARD]) expect(text).toContain(content)
  })

  it('the CSV has its header and one row per card', async () => {
    const { name, bytes } = await download(pageA, 'Cards (CSV)')
    expect(name).toBe('msc-citta-2026-cards.csv')
    const [header, ...rows] = parseCsv(bytes.toString('utf8').replace(/^\uFEFF/, ''))
    expect(header).toEqual([...CARDS_CSV_COLUMNS])
    const cardCount = (await cardPropsOnBoard(pageA)).length
    expect(rows).toHaveLength(cardCount)
    const added = rows.find((r) => r[header.indexOf('title')] === NEW_CARD)!
    expect(added[header.indexOf('hours')]).toBe('6')
    expect(added[header.indexOf('zone')]).toBe('Contents')
    expect(added[header.indexOf('creator_name')]).toBe('Alice')
  })

  it('the board file is a Tavolo board file with the new card', async () => {
    const { name, file, bytes } = await download(pageA, 'Board file (JSON)')
    expect(name).toBe('msc-citta-2026.tavolo.json')
    const json = JSON.parse(bytes.toString('utf8')) as { kind: string; title: string; records: { props?: { title?: string } }[] }
    expect(json.kind).toBe('tavolo-board')
    expect(json.title).toBe('MSc — Città 2026')
    expect(json.records.some((r) => r.props?.title === NEW_CARD)).toBe(true)
    boardFilePath = file
  })

  it('the PNG and the SVG of the board are drawn in the browser', async () => {
    const png = await download(pageA, 'Image of the board (PNG)')
    expect(png.name).toBe('msc-citta-2026-board.png')
    expect(png.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true)

    const svg = await download(pageA, 'Image of the board (SVG)')
    expect(svg.name).toBe('msc-citta-2026-board.svg')
    const parsed = await pageA.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml')
      return { root: doc.documentElement.nodeName, error: doc.querySelector('parsererror') !== null, text: doc.documentElement.textContent ?? '' }
    }, svg.bytes.toString('utf8'))
    expect(parsed).toMatchObject({ root: 'svg', error: false })
    for (const text of ['Contents', 'Lecture formats', 'Public value', NEW_CARD]) expect(parsed.text).toContain(text)
  })

  it('a selected zone can be exported alone', async () => {
    await selectZone(pageA, 'Contents')
    const zonePlace = () =>
      pageA.evaluate(() => {
        const zone = window.__tavolo!.editor.getOnlySelectedShape()
        return zone && { id: zone.id, x: zone.x, y: zone.y }
      })
    const before = await zonePlace()
    await pageA.getByTestId('export-button').focus()
    await pageA.keyboard.press('ArrowUp')
    await expect(pageA.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Image of this zone (SVG)')
    // Arrow keys move through the menu, not the selected zone on the board.
    await pageA.keyboard.press('ArrowUp')
    await pageA.keyboard.press('ArrowUp')
    await expect(pageA.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Image of the board (SVG)')
    await pageA.keyboard.press('Escape')
    expect(await zonePlace()).toEqual(before)

    const svg = await download(pageA, 'Image of this zone (SVG)')
    expect(svg.name).toBe('msc-citta-2026-zone-contents.svg')
    const text = await pageA.evaluate(
      (source) => new DOMParser().parseFromString(source, 'image/svg+xml').documentElement.textContent ?? '',
      svg.bytes.toString('utf8'),
    )
    // The zone itself (its title bar) and its cards, and nothing of the zone beside it.
    expect(svg.bytes.toString('utf8').match(/data-shape-type="tavolo-zone"/g)).toHaveLength(1)
    for (const inZone of ['Contents', 'Public value', NEW_CARD]) expect(text).toContain(inZone)
    expect(text).not.toContain('Lecture formats')
    const png = await download(pageA, 'Image of this zone (PNG)')
    expect(png.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true)
  })

  it('an empty zone gives a clear message instead of a blank image', async () => {
    await selectZone(pageA, 'Lecture formats')
    await openExportMenu(pageA)
    await pageA.getByRole('menuitem', { name: 'Image of this zone (PNG)' }).click()
    await pageA
      .getByTestId('export-error')
      .getByText('Image of this zone (PNG) could not be exported: this zone is empty: there is nothing to draw yet.')
      .waitFor(WAIT)
    await pageA.getByRole('button', { name: 'Dismiss the export error' }).click()
    await pageA.getByTestId('export-error').waitFor({ state: 'detached', ...WAIT })
  })

  it('a participant sees only the programme and the images, and can download them', async () => {
    await pageA.keyboard.press('Escape')
    await pageA.getByTestId('share-button').click()
    const link = await pageA.getByTestId('participant-link').inputValue()
    await pageA.getByRole('button', { name: 'Close' }).click()
    const b = await newContext()
    requestsB = b.requests
    await b.page.goto(link)
    await enterBoardAs(b.page, 'Bruno', 'Professional')
    await expect(openExportMenu(b.page)).resolves.toEqual([
      'Programme (Markdown)',
      'Programme (PDF)',
      'Image of the board (PNG)',
      'Image of the board (SVG)',
    ])
    await b.page.keyboard.press('Escape')
    const md = await download(b.page, 'Programme (Markdown)')
    expect(md.bytes.toString('utf8')).toContain(NEW_CARD)

    // With the server gone, the download fails with a message rather than silently.
    await server.kill()
    await openExportMenu(b.page)
    await b.page.getByRole('menuitem', { name: 'Programme (PDF)' }).click()
    await b.page.getByTestId('export-error').getByText('Programme (PDF) could not be exported: Cannot reach the Tavolo server').waitFor(WAIT)
    await server.restart()
  })

  it('the facilitator makes the board anonymous: the programme then lists roles, not names', async () => {
    expect((await download(pageA, 'Programme (Markdown)')).bytes.toString('utf8')).toContain('Bruno')
    const toggle = pageA.getByLabel('Anonymous exports: leave out people’s names')
    // The box sits just left of its words, on their first line (it once sat apart from them).
    const layout = await toggle.evaluate((input) => {
      const words = document.createRange()
      words.selectNodeContents(input.parentElement!)
      words.setStartAfter(input)
      const box = input.getBoundingClientRect()
      const text = words.getClientRects()[0]
      return { gap: text.left - box.right, lineOffset: Math.abs(text.top - box.top) }
    })
    expect(layout.gap).toBeGreaterThanOrEqual(0)
    expect(layout.gap).toBeLessThanOrEqual(16)
    expect(layout.lineOffset).toBeLessThanOrEqual(8)
    await toggle.check()
    // The setting travels over the websocket; the download is a separate request that may overtake it.
    let text = ''
    await expect
      .poll(async () => (text = (await download(pageA, 'Programme (Markdown)')).bytes.toString('utf8')), WAIT)
      .not.toContain('Bruno')
    expect(text).not.toContain('Alice')
    expect(text).toMatch(/Professional: 1 person/)
    await toggle.uncheck()
  })

  it('importing the board file opens a new board with the same cards, as its facilitator', async () => {
    const original = await cardPropsOnBoard(pageA)
    await pageA.goto(`${server.url}/`)
    await pageA.getByLabel('Board file', { exact: true }).setInputFiles(boardFilePath)
    await pageA.getByRole('button', { name: 'Import', exact: true }).click()
    await pageA.waitForURL((url) => url.pathname.startsWith('/b/') && !url.pathname.includes(board.boardId), WAIT)
    const imported = new URL(pageA.url()).pathname.split('/')[2]
    await enterBoardAs(pageA, 'Alice')
    await waitForConnected(pageA)
    await expect.poll(() => cardPropsOnBoard(pageA), WAIT).toEqual(original)
    await pageA.getByTestId('share-button').waitFor(WAIT)
    const remembered = await pageA.evaluate(() => JSON.parse(localStorage.getItem('tavolo.local')!).state.workshops)
    expect(remembered[0]).toMatchObject({ id: imported, title: 'MSc — Città 2026', accessRole: 'facilitator' })
  })

  it('importing a file that is not a board file shows why', async () => {
    await pageA.goto(`${server.url}/`)
    await pageA.getByLabel('Board file', { exact: true }).setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') })
    await pageA.getByRole('button', { name: 'Import', exact: true }).click()
    await pageA.getByTestId('import-error').getByText('This file is not a Tavolo board').waitFor(WAIT)
    expect(new URL(pageA.url()).pathname).toBe('/')
  })

  it('nothing left the origin, and no secret went into a URL', async () => {
    for (const requests of [requestsA, requestsB]) expect(requests.foreignTo(server.url)).toEqual([])
    const exportUrls = requestsA.urls.filter((url) => url.includes('/export.'))
    expect(exportUrls.length).toBeGreaterThanOrEqual(4)
    // The language of the file is the only thing a download's address may carry.
    const carriesMore = (url: string) => [...new URL(url).searchParams.keys()].some((key) => key !== 'language')
    expect(exportUrls.filter((url) => carriesMore(url) || url.includes(board.secret))).toEqual([])
  })
})
