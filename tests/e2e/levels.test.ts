import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoardViaApi, startServerProcess, type ServerProcess } from '../support/server'
import type { CreatedBoard } from '../../shared/src/wire/api'
import { launchChromium } from './support/browser'
import { overlapping } from './support/overlaps'
import { WAIT, enterBoardAs, openPeople, personIdOf } from './support/tavoloPage'

// The room at its levels, in Chromium: a facilitator and four participants of three roles. Each
// person first drafts an idea privately and the facilitator reveals them all; then the
// facilitator splits the room into two tables at random (roles balanced), each table fills its
// own programme, a budget round splits 50 h per person (the panel never sends more), the
// facilitator applies the medians in one undoable step, compares the tables and adopts a card
// into the plenary, whose totals then count it; then renames a table, brings one table to where
// they are, lets participants adopt, and seats everyone again. Steps run in order.

let server: ServerProcess
let browser: Browser
let board: CreatedBoard
let pageF: Page
const participants: { page: Page; name: string; role: string; personId: string }[] = []
/** Each participant's content card id, by name. */
const cards: Record<string, string> = {}
let seating: Record<string, string> = {}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`))
  return page
}

const link = (secret: string) => `${server.url}/b/${board.id}#k=${secret}`

function plainMap(page: Page, root: string): Promise<Record<string, unknown>> {
  return page.evaluate((name) => window.__tavolo!.doc.getMap(name).toJSON() as Record<string, unknown>, root)
}

/** A content card in the Contents zone of the person's table, made through their own editor. */
function addContent(page: Page, personId: string, tableId: string, title: string, hours: number): Promise<string> {
  return page.evaluate(
    ({ personId, tableId, title, hours }) => {
      const editor = window.__tavolo!.editor
      const zone = editor
        .getCurrentPageShapes()
        .find((s) => s.type === 'tavolo-zone' && s.meta.tableId === tableId && (s.props as { accepts: string[] }).accepts.includes('tavolo-content'))!
      const count = editor.getSortedChildIdsForParent(zone.id).length
      const id = `shape:${title.replace(/\W/g, '')}${Math.random().toString(36).slice(2, 8)}`
      const now = Date.now()
      editor.createShape({
        id: id as never,
        type: 'tavolo-content',
        parentId: zone.id,
        x: 24 + (count % 3) * 280,
        y: 64 + Math.floor(count / 3) * 200,
        props: { title, hours },
        meta: { createdBy: personId, createdAt: now, lastEditedBy: personId, lastEditedAt: now },
      })
      return id
    },
    { personId, tableId, title, hours },
  )
}

/** An idea in the plenary's Parking lot, at the same place for everyone: the reveal lays them out apart. */
function draftIdea(page: Page, personId: string, text: string): Promise<string> {
  return page.evaluate(
    ({ personId, text }) => {
      const editor = window.__tavolo!.editor
      const zone = editor.getCurrentPageShapes().find((s) => s.type === 'tavolo-zone' && (s.props as { accepts: string[] }).accepts.includes('tavolo-idea'))!
      const id = `shape:idea${Math.random().toString(36).slice(2, 10)}`
      const now = Date.now()
      editor.createShape({ id: id as never, type: 'tavolo-idea', parentId: zone.id, x: 24, y: 64, props: { text }, meta: { createdBy: personId, createdAt: now, lastEditedBy: personId, lastEditedAt: now } })
      return id
    },
    { personId, text },
  )
}

function setTitle(page: Page, id: string, title: string): Promise<void> {
  return page.evaluate(
    ({ id, title }) => {
      window.__tavolo!.editor.updateShape({ id: id as never, type: 'tavolo-content', props: { title } })
    },
    { id, title },
  )
}

function hoursOf(page: Page, id: string): Promise<number> {
  return page.evaluate((shapeId) => (window.__tavolo!.editor.getShape(shapeId as never)!.props as { hours: number }).hours, id)
}

beforeAll(async () => {
  server = await startServerProcess()
  browser = await launchChromium()
  board = await createBoardViaApi(server.url, { title: 'Levels workshop', template: 'msc-public-services' })
  pageF = await newPage()
  await pageF.goto(link(board.secrets.facilitator))
  await enterBoardAs(pageF, 'Fiona')
  for (const [name, role] of [
    ['Paola', 'Professional'],
    ['Piero', 'Professional'],
    ['Carla', 'Citizen / service user'],
    ['Sara', 'Student'],
  ]) {
    const page = await newPage()
    await page.goto(link(board.secrets.editor))
    await enterBoardAs(page, name, role)
    participants.push({ page, name, role, personId: await personIdOf(page) })
  }
  // Everyone's people entry has reached the facilitator before the room is split.
  await pageF.waitForFunction(() => Object.keys(window.__tavolo!.doc.getMap('people').toJSON()).length === 5, undefined, WAIT)
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('a workshop at its three levels', () => {
  it('each person drafts an idea privately, says they are done, and the facilitator reveals them all', async () => {
    await pageF.getByTestId('levels-toggle').click()
    await pageF.getByTestId('levels-tab-drafting').click()
    await pageF.getByTestId('drafting-open').click()
    const ideas: string[] = []
    for (const p of participants) {
      await p.page.getByTestId('drafting-banner').waitFor(WAIT)
      const id = await draftIdea(p.page, p.personId, `${p.name}’s idea`)
      await p.page.locator(`[data-testid="card"][data-shape-id="${id}"][data-private]`).waitFor({ ...WAIT, state: 'attached' })
      ideas.push(id)
      await p.page.getByTestId('drafting-done').click()
    }
    await pageF.getByTestId('drafting-count').first().getByText('0 of 4 still drafting').waitFor(WAIT)
    for (const id of ideas) expect(await pageF.evaluate((shapeId) => window.__tavolo!.editor.getShape(shapeId as never) !== undefined, id)).toBe(false)
    await pageF.getByTestId('drafting-reveal').click()
    await pageF.getByTestId('drafting-revealed').getByText('4 cards from 4 people revealed.').waitFor(WAIT)
    for (const page of [pageF, ...participants.map((p) => p.page)]) {
      for (const id of ideas) await page.locator(`[data-testid="card"][data-shape-id="${id}"]:not([data-private])`).waitFor({ ...WAIT, state: 'attached' })
      expect(await overlapping(page, 'cards')).toEqual([])
    }
  })

  it('the panel’s tabs work from the keyboard: one tab stop, ←/→ (wrapping), Home and End move and show a tab; Close is outside the tablist', async () => {
    const focused = () => pageF.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)
    const shown = () => pageF.getByRole('tabpanel').getAttribute('aria-labelledby')
    const idOf = (name: string) => pageF.getByTestId(`levels-tab-${name}`).getAttribute('id')
    // Each tab names the panel it controls, and that panel is labelled by it.
    for (const name of ['drafting', 'tables', 'budget', 'plenary']) {
      const controls = await pageF.getByTestId(`levels-tab-${name}`).getAttribute('aria-controls')
      await expect(pageF.locator(`[id="${controls}"]`).getAttribute('aria-labelledby')).resolves.toBe(await idOf(name))
    }
    await pageF.getByTestId('levels-tab-drafting').focus()
    for (const [key, name] of [
      ['ArrowRight', 'tables'],
      ['ArrowLeft', 'drafting'],
      ['ArrowLeft', 'plenary'],
      ['ArrowRight', 'drafting'],
      ['End', 'plenary'],
      ['Home', 'drafting'],
      ['End', 'plenary'],
    ] as const) {
      await pageF.keyboard.press(key)
      await expect(focused()).resolves.toBe(`levels-tab-${name}`)
      await expect(pageF.getByTestId(`levels-tab-${name}`).getAttribute('aria-selected')).resolves.toBe('true')
      await expect(shown()).resolves.toBe(await idOf(name))
    }
    // Only the selected tab is a tab stop: Tab leaves the tablist for Close, and Shift+Tab comes back to it.
    const tabIndexes = await pageF.getByRole('tab').evaluateAll((tabs) => tabs.map((tab) => (tab as HTMLElement).tabIndex))
    expect(tabIndexes).toEqual([-1, -1, -1, 0])
    await expect(pageF.getByRole('tablist').getByTestId('levels-close').count()).resolves.toBe(0)
    await pageF.keyboard.press('Tab')
    await expect(focused()).resolves.toBe('levels-close')
    await pageF.keyboard.press('Shift+Tab')
    await expect(focused()).resolves.toBe('levels-tab-plenary')
    await pageF.getByRole('tab', { name: 'Private drafting' }).click()
  })

  it('Close gives the focus back to the toggle that opened the panel, from the keyboard', async () => {
    const focused = () => pageF.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)
    const toggle = pageF.getByTestId('levels-toggle')
    await toggle.focus()
    await pageF.keyboard.press('Enter')
    await pageF.getByTestId('levels-panel').waitFor({ ...WAIT, state: 'detached' })
    await pageF.keyboard.press('Enter')
    await pageF.getByTestId('levels-panel').waitFor(WAIT)
    await pageF.keyboard.press('Tab')
    await expect(focused()).resolves.toBe('levels-tab-drafting')
    await pageF.keyboard.press('Tab')
    await expect(focused()).resolves.toBe('levels-close')
    await pageF.keyboard.press('Enter')
    await pageF.getByTestId('levels-panel').waitFor({ ...WAIT, state: 'detached' })
    // Not the top of the page: the person goes on from the button they opened the panel with.
    await expect(focused()).resolves.toBe('levels-toggle')
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false')
    await pageF.keyboard.press('Enter')
    await pageF.getByTestId('levels-panel').waitFor(WAIT)
  })

  it('the facilitator splits the room into two tables at random with the roles balanced; each person starts at their table', async () => {
    // What a participant sees of the split in the session: the keys of each change, as it arrives.
    const watcher = participants[0].page
    await watcher.evaluate(() => {
      const seen: string[][] = []
      Object.assign(window, { sessionChanges: seen })
      window.__tavolo!.doc.getMap('session').observe((e) => seen.push([...e.keysChanged].sort()))
    })
    await pageF.getByTestId('levels-tab-tables').click()
    await pageF.getByTestId('seating-random').check()
    await pageF.getByTestId('split-room').click()
    await pageF.getByTestId('table-card').first().waitFor(WAIT)
    seating = (await plainMap(pageF, 'session')).seating as Record<string, string>
    // Tables, seating and picking arrive as one change: never tables with nobody seated.
    await watcher.waitForFunction(() => Object.keys(window.__tavolo!.doc.getMap('session').toJSON()).includes('tablePicking'), undefined, WAIT)
    const changes = await watcher.evaluate(() => (window as unknown as { sessionChanges: string[][] }).sessionChanges)
    expect(changes.filter((keys) => keys.some((k) => ['tables', 'seating', 'tablePicking'].includes(k)))).toEqual([['seating', 'tablePicking', 'tables']])
    const tableIds = [...new Set(Object.values(seating))]
    expect(tableIds).toHaveLength(2)
    const professionals = participants.filter((p) => p.role === 'Professional').map((p) => seating[p.personId])
    expect(professionals[0]).not.toBe(professionals[1])
    expect(tableIds.map((id) => Object.values(seating).filter((s) => s === id).length)).toEqual([2, 2])
    // Eight new zones: four per table, named after it.
    const titles = await pageF.evaluate(() =>
      window.__tavolo!.editor.getCurrentPageShapes().filter((s) => s.type === 'tavolo-zone' && s.meta.tableId).map((s) => (s.props as { title: string }).title),
    )
    expect(titles).toHaveLength(8)
    expect(titles).toContain('Table 1 · Contents')
    for (const p of participants) {
      // The view moved to the person's own table, before they open anything.
      await p.page.waitForFunction(
        (tableId) => {
          const editor = window.__tavolo!.editor
          // The table's zones may not have reached this person yet.
          const zone = editor.getCurrentPageShapes().find((s) => s.type === 'tavolo-zone' && s.meta.tableId === tableId)
          const bounds = zone && editor.getShapePageBounds(zone.id)
          return bounds !== undefined && editor.getViewportPageBounds().containsPoint(bounds.center)
        },
        seating[p.personId],
        WAIT,
      )
      await p.page.getByTestId('levels-toggle').click()
      const name = (await plainMap(p.page, 'session')).tables as { id: string; name: string }[]
      await p.page.getByTestId('my-table').getByText(`You sit at ${name.find((t) => t.id === seating[p.personId])!.name}.`).waitFor(WAIT)
    }
  })

  it('each table fills its own programme from its own editor', async () => {
    for (const p of participants) {
      cards[p.name] = await addContent(p.page, p.personId, seating[p.personId], p.name === 'Paola' || p.name === 'Piero' ? 'Co-production' : `${p.name}’s topic`, 0)
    }
    await pageF.waitForFunction((n) => window.__tavolo!.editor.getCurrentPageShapes().filter((s) => s.type === 'tavolo-content' && s.meta.createdBy !== 'template').length === n, 4, WAIT)
    const rows = await pageF.getByTestId('table-card').count()
    expect(rows).toBe(2)
  })

  it('a budget round: each person splits 50 h, an over-target ballot is never sent, medians applied in one undoable step', async () => {
    await pageF.getByTestId('levels-tab-budget').click()
    await pageF.getByTestId('budget-open').click()
    for (const p of participants) {
      await p.page.getByTestId('ballot').waitFor(WAIT)
      await p.page.getByTestId('hours-left').getByText('50 of 50 h left to split').waitFor(WAIT)
    }
    const give = async (p: (typeof participants)[number], cardId: string, hours: string) => {
      const input = p.page.locator(`[data-testid="ballot-hours"][data-card-id="${cardId}"]`)
      await input.fill(hours)
      await input.blur()
    }
    // Carla first tries more than she has: the panel says so and sends nothing (the server would refuse it).
    const carla = participants.find((p) => p.name === 'Carla')!
    await give(carla, cards.Carla, '60')
    await carla.page.getByText('That would be more than the 50 h you have').waitFor(WAIT)
    await expect(carla.page.getByTestId('connection-badge').getAttribute('data-state')).resolves.toBe('connected')
    // Everyone gives 20 h to each of the two cards at their table.
    for (const p of participants) {
      const tablemates = participants.filter((o) => seating[o.personId] === seating[p.personId])
      for (const o of tablemates) await give(p, cards[o.name], '20')
    }
    await carla.page.getByTestId('hours-left').getByText('10 of 50 h left to split').waitFor(WAIT)
    await pageF.waitForFunction(() => Object.keys(window.__tavolo!.doc.getMap('budgets').toJSON()).length === 8, undefined, WAIT)
    // Each card got 20 h from two ballots of four: its median is 10 h.
    await expect(pageF.getByTestId('budget-row').count()).resolves.toBe(4)
    await expect(pageF.getByTestId('budget-median').first().textContent()).resolves.toBe('10 (0–20)')
    // A title of only spaces is named as the exports name it (cardLabel), on the ballot and in the results.
    const sara = participants.find((p) => p.name === 'Sara')!
    await setTitle(sara.page, cards.Sara, '  ')
    await sara.page.locator('[data-testid="ballot"] li', { has: sara.page.locator(`[data-card-id="${cards.Sara}"]`) }).getByText('Untitled content').waitFor(WAIT)
    await pageF.locator(`[data-testid="budget-row"][data-card-id="${cards.Sara}"]`).getByText('Untitled content').waitFor(WAIT)
    await setTitle(sara.page, cards.Sara, 'Sara’s topic')

    // Text that is not hours is marked invalid and never deletes the hours stored for the card.
    const carlaHours = carla.page.locator(`[data-testid="ballot-hours"][data-card-id="${cards.Carla}"]`)
    const carlaKey = `${cards.Carla}/${carla.personId}`
    await give(carla, cards.Carla, '1e')
    await carla.page.getByText('Hours must be a number').waitFor(WAIT)
    await expect(carlaHours.getAttribute('aria-invalid')).resolves.toBe('true')
    await expect(carlaHours.inputValue()).resolves.toBe('1e')
    expect((await plainMap(carla.page, 'budgets'))[carlaKey]).toBe(20)
    // An amount over what she has left is refused, and does not stay on screen.
    await give(carla, cards.Carla, '45')
    await carla.page.getByText('That would be more than the 50 h you have').waitFor(WAIT)
    await expect(carlaHours.inputValue()).resolves.toBe('20')
    expect((await plainMap(carla.page, 'budgets'))[carlaKey]).toBe(20)
    // A decimal comma is hours; a change made elsewhere (another tab) shows in the field.
    await give(carla, cards.Carla, '19,5')
    await expect.poll(() => plainMap(carla.page, 'budgets').then((b) => b[carlaKey]), WAIT).toBe(19.5)
    await expect(carlaHours.getAttribute('aria-invalid')).resolves.toBeNull()
    // The results write numbers the reader's way, as the export does: 0 0 19.5 20 → 9,75 in Italian.
    const carlaMedian = pageF.locator(`[data-testid="budget-row"][data-card-id="${cards.Carla}"] [data-testid="budget-median"]`)
    await expect.poll(() => carlaMedian.textContent(), WAIT).toBe('9.75 (0–20)')
    await pageF.getByTestId('language-picker').selectOption('it')
    await expect.poll(() => carlaMedian.textContent(), WAIT).toBe('9,75 (0–20)')
    await pageF.getByTestId('language-picker').selectOption('en')
    await carla.page.evaluate((key) => window.__tavolo!.doc.getMap('budgets').set(key, 20), carlaKey)
    await expect.poll(() => carlaHours.inputValue(), WAIT).toBe('20')

    await addHoursDirectly()
    await pageF.getByTestId('apply-medians').click()
    await pageF.waitForFunction((ids) => ids.every((id) => (window.__tavolo!.editor.getShape(id as never)!.props as { hours: number }).hours === 10), Object.values(cards), WAIT)
    await pageF.evaluate(() => {
      window.__tavolo!.editor.undo()
    })
    await expect(hoursOf(pageF, cards.Paola)).resolves.toBe(7)
    await expect(hoursOf(pageF, cards.Carla)).resolves.toBe(7)
    await pageF.getByTestId('budget-close').click()

    // A target over the maximum is refused in the form, in words, before anything is written:
    // the closed round's ballots stay and no round opens.
    const target = pageF.getByTestId('budget-target')
    await target.fill('20000')
    await pageF.getByTestId('budget-open').click()
    await pageF.getByText('at most 10,000').waitFor(WAIT)
    await expect(target.getAttribute('aria-invalid')).resolves.toBe('true')
    await expect(pageF.getByTestId('budget-section').getAttribute('data-status')).resolves.toBe('closed')
    expect(Object.keys(await plainMap(pageF, 'budgets'))).toHaveLength(8)
  })

  it('the plenary compares the tables, and an adopted card keeps its provenance and counts in the plenary totals', async () => {
    await pageF.getByTestId('levels-tab-plenary').click()
    await expect(pageF.getByTestId('comparison-column').count()).resolves.toBe(2)
    // The two professionals sit at different tables and both wrote "Co-production": one row.
    await pageF.locator('[data-testid="comparison-row"][data-tables="2"]').waitFor(WAIT)
    await pageF.getByRole('button', { name: 'Adopt “Co-production” into the plenary' }).first().click()
    const adopted = await pageF.waitForFunction(
      () => window.__tavolo!.editor.getCurrentPageShapes().find((s) => (s.meta as { adoptedFrom?: unknown }).adoptedFrom)?.meta.adoptedFrom ?? null,
      undefined,
      WAIT,
    )
    const provenance = (await adopted.jsonValue()) as { tableId: string; authors: string[]; roles: Record<string, string> }
    const author = participants.find((p) => provenance.authors.includes(p.personId))!
    expect(author.role).toBe('Professional')
    expect(provenance.tableId).toBe(seating[author.personId])
    expect(provenance.roles[author.personId]).toBe('professional')
    await pageF.getByTestId('plenary-totals').getByTestId('level-content-hours').getByText('7 / 50 h').waitFor(WAIT)
  })

  it('the facilitator lines up two differently titled contents of two tables in one row', async () => {
    const before = await pageF.locator('[data-testid="comparison-row"][data-tables="2"]').count()
    for (const name of ['Carla’s topic', 'Sara’s topic']) await pageF.getByRole('checkbox', { name: `Select “${name}” to line it up with other cards` }).check()
    await pageF.getByTestId('link-cards').click()
    await pageF.locator('[data-testid="comparison-row"][data-tables="2"]').nth(before).waitFor(WAIT)
    expect(((await plainMap(pageF, 'session')).comparisonLinks as string[][])[0].sort()).toEqual([cards.Carla, cards.Sara].sort())
  })

  it('each person’s design summary is their table’s, the facilitator’s the plenary’s', async () => {
    // Two cards of 7 h at each table; the plenary holds the adopted 7 h card.
    for (const p of participants) await p.page.getByTestId('summary-content-hours').getByText('14 h of 50 h').waitFor(WAIT)
    await pageF.getByTestId('summary-content-hours').getByText('7 h of 50 h').waitFor(WAIT)
  })

  it('the people list groups people by table', async () => {
    await openPeople(pageF)
    const tables = await pageF.getByTestId('person').locator('.person-table').allTextContents()
    // The facilitator sits at no table and comes last; the others are grouped table by table.
    expect(tables).toEqual(['Table: Table 1', 'Table: Table 1', 'Table: Table 2', 'Table: Table 2', 'Table: No table yet'])
  })

  it('the exports the facilitator downloads carry the levels, and the board file keeps them', async () => {
    const download = (format: string) =>
      pageF.evaluate(
        async ({ url, secret }) => (await fetch(url, { headers: { Authorization: `Bearer ${secret}` } })).text(),
        { url: `${server.url}/api/boards/${board.id}/export.${format}`, secret: board.secrets.facilitator },
      )
    const markdown = await download('md')
    expect(markdown).toContain('## Tables')
    expect(markdown).toMatch(/### Table 1\n\nPeople: .+\.\nTotals: contents 14 h of 50 h/)
    expect(markdown).toContain('## Adopted into the plenary')
    // The professionals' median for the adopted card: one gave it 20 h, the other (at the other table) 0 h.
    expect(markdown).toMatch(/\| Co-production \| Table [12] \| Professional \| [^|\n]*Professional 10 h[^|\n]* \|/)
    expect(markdown).toContain('## Hour budget')
    const csv = await download('csv')
    expect(csv.split('\r\n')[0]).toMatch(/,table,adopted_from_table,adopted_from_card$/)
    expect(csv.split('\r\n').filter((line) => /,Table [12],,$/.test(line))).toHaveLength(4)
    const file = JSON.parse(await download('json')) as { budgets: Record<string, number>; session: { tables: unknown[] } }
    expect(Object.keys(file.budgets)).toHaveLength(8)
    expect(file.session.tables).toHaveLength(2)
  })

  it('the facilitator renames a table and changes its colour from the keyboard; everyone sees the new name', async () => {
    await pageF.keyboard.press('Escape')
    await pageF.getByTestId('levels-tab-tables').click()
    const tables = (await plainMap(pageF, 'session')).tables as { id: string; name: string }[]
    const first = pageF.locator(`[data-testid="table-card"][data-table-id="${tables[0].id}"]`)
    await first.getByTestId('table-settings').focus()
    await pageF.keyboard.press('Enter')
    const name = first.getByTestId('table-name')
    await expect(name.evaluate((el) => el === document.activeElement)).resolves.toBe(true)
    await name.fill('Blue table')
    await first.getByTestId('table-colour').fill('#0000ff')
    await name.press('Enter')
    await pageF.waitForFunction(
      (id) => (window.__tavolo!.doc.getMap('session').get('tables') as { id: string; name: string; colour: string }[]).some((t) => t.id === id && t.name === 'Blue table' && t.colour === '#0000ff'),
      tables[0].id,
      WAIT,
    )
    // The form closed with the focus in it: its "Edit table" button has the focus again, after Save and after Escape.
    const settings = first.getByTestId('table-settings')
    const focused = (locator: typeof settings) => locator.evaluate((el) => el === document.activeElement)
    await expect.poll(() => focused(settings), WAIT).toBe(true)
    await pageF.keyboard.press('Enter')
    await expect.poll(() => focused(name), WAIT).toBe(true)
    await pageF.keyboard.press('Escape')
    await expect.poll(() => focused(settings), WAIT).toBe(true)
    const titles = await pageF.evaluate(
      (id) => window.__tavolo!.editor.getCurrentPageShapes().filter((s) => s.type === 'tavolo-zone' && s.meta.tableId === id).map((s) => (s.props as { title: string }).title),
      tables[0].id,
    )
    expect(titles).toContain('Blue table · Contents')
    expect(titles.every((title) => title.startsWith('Blue table · '))).toBe(true)
    for (const p of participants.filter((o) => seating[o.personId] === tables[0].id)) {
      await p.page.getByTestId('levels-tab-tables').click()
      await p.page.getByTestId('my-table').getByText('You sit at Blue table.').waitFor(WAIT)
    }
  })

  it('bring this table here: only the people seated at that table follow the facilitator', async () => {
    const tables = (await plainMap(pageF, 'session')).tables as { id: string }[]
    const brought = tables[1].id
    await pageF.locator(`[data-testid="table-card"][data-table-id="${brought}"]`).getByTestId('bring-table').click()
    const requestId = ((await plainMap(pageF, 'session')).follow as { requestId: string; tableId: string }).requestId
    const following = (page: Page) => page.evaluate(() => window.__tavolo!.editor.getInstanceState().followingUserId)
    for (const p of participants) {
      // Each participant notes the request once it reaches them; only the brought table's people move.
      await p.page.waitForFunction((id) => sessionStorage.getItem('tavolo.followRequestHandled') === id, requestId, WAIT)
      if (seating[p.personId] === brought) {
        await p.page.getByTestId('following-facilitator').waitFor(WAIT)
        await expect(following(p.page)).resolves.toBe(`user:${await personIdOf(pageF)}`)
      } else {
        await expect(following(p.page)).resolves.toBeNull()
      }
    }
  })

  it('a participant adopts a card into the plenary once the facilitator allows it', async () => {
    const carla = participants.find((p) => p.name === 'Carla')!
    await carla.page.getByTestId('levels-tab-plenary').click()
    await carla.page.getByTestId('comparison').waitFor(WAIT)
    await expect(carla.page.getByTestId('adopt').count()).resolves.toBe(0)
    // Her editor stops a move of a plenary card before it is sent (the server would close her connection).
    const plenaryCard: string = await pageF.evaluate(() => String(window.__tavolo!.editor.getCurrentPageShapes().find((s) => (s.meta as { adoptedFrom?: unknown }).adoptedFrom)!.id))
    const xOf = (page: Page): Promise<number> => page.evaluate((id: string) => Number(window.__tavolo!.editor.getShape(id as never)!.x), plenaryCard)
    const x = await xOf(carla.page)
    await carla.page.evaluate((id) => {
      const editor = window.__tavolo!.editor
      editor.updateShapes([{ id: id as never, type: 'tavolo-content' as const, x: 1 }])
    }, plenaryCard)
    await expect(xOf(carla.page)).resolves.toBe(x)
    await pageF.getByTestId('levels-tab-plenary').click()
    await pageF.getByTestId('participants-adopt').check()
    await carla.page.getByRole('button', { name: 'Adopt “Sara’s topic” into the plenary' }).click()
    const adopted = await pageF.waitForFunction(
      (id) => window.__tavolo!.editor.getCurrentPageShapes().find((s) => (s.meta as { adoptedFrom?: { cardId: string } }).adoptedFrom?.cardId === id)?.meta ?? null,
      cards.Sara,
      WAIT,
    )
    const meta = (await adopted.jsonValue()) as { createdBy: string; adoptedFrom: { tableId: string } }
    expect(meta.createdBy).toBe(carla.personId)
    expect(meta.adoptedFrom.tableId).toBe(seating[participants.find((p) => p.name === 'Sara')!.personId])
    // The server kept it: Carla was not disconnected for writing the plenary.
    await expect(carla.page.getByTestId('connection-badge').getAttribute('data-state')).resolves.toBe('connected')
  })

  it('the facilitator seats everyone again after a confirmation; the tables keep their zones and cards', async () => {
    const before = await pageF.evaluate(() => {
      const shapes = window.__tavolo!.editor.getCurrentPageShapes()
      return { zones: shapes.filter((s) => s.meta.tableId).map((s) => s.id).sort(), cards: shapes.filter((s) => s.type !== 'tavolo-zone').length }
    })
    const tables = (await plainMap(pageF, 'session')).tables
    await pageF.getByTestId('levels-tab-tables').click()
    await pageF.getByTestId('reseat-mode-hand').check()
    await pageF.getByTestId('reseat').click()
    // The confirmation takes the focus: Enter confirms it.
    await pageF.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'reseat-confirm', undefined, WAIT)
    await pageF.keyboard.press('Enter')
    await pageF.waitForFunction(() => Object.keys(window.__tavolo!.doc.getMap('session').get('seating') as object).length === 0, undefined, WAIT)
    // The confirmation is gone: the button that asked for it has the focus again.
    await pageF.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'reseat', undefined, WAIT)
    for (const p of participants) {
      await p.page.getByTestId('levels-tab-tables').click()
      await p.page.getByTestId('my-table').getByText('You are not at a table yet.').waitFor(WAIT)
    }
    const after = await pageF.evaluate(() => {
      const shapes = window.__tavolo!.editor.getCurrentPageShapes()
      return { zones: shapes.filter((s) => s.meta.tableId).map((s) => s.id).sort(), cards: shapes.filter((s) => s.type !== 'tavolo-zone').length }
    })
    expect(after).toEqual(before)
    expect((await plainMap(pageF, 'session')).tables).toEqual(tables)
  })
})

/** Gives every table card 7 h by hand, so applying the medians (0 h) visibly changes them and undo restores them. */
async function addHoursDirectly(): Promise<void> {
  await pageF.evaluate((ids) => {
    const editor = window.__tavolo!.editor
    editor.run(() => {
      editor.markHistoryStoppingPoint('seven hours')
      editor.updateShapes(ids.map((id) => ({ id: id as never, type: 'tavolo-content' as const, props: { hours: 7 } })))
    })
  }, Object.values(cards))
}
