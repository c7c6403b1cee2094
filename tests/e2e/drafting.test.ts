import type { Browser, BrowserContext, Page } from 'playwright-core'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordsArray } from '../../shared/src/doc/recordsRoot'
import type { CreatedBoard } from '../../shared/src/wire/api'
import { createBoardViaApi, startServerProcess, type ServerProcess } from '../support/server'
import { connectClient, waitFor, type TestClient } from '../support/yclient'
import { launchChromium } from './support/browser'
import { overlapping } from './support/overlaps'
import { screenshotPath } from './support/screenshots'
import { WAIT, enterBoardAs, personIdOf } from './support/tavoloPage'

// Private drafting in Chromium: a facilitator and three participants of three roles. The
// facilitator opens an anonymous round; each participant's new cards stay on their own screen
// (a raw client listening to the board the whole time never sees them); one participant leaves
// before the reveal; people say "I'm done"; the reveal brings every draft, the departed person's
// too, into its zone without overlap; authors stay hidden until "Show the authors". Steps run in order.

let server: ServerProcess
let browser: Browser
let board: CreatedBoard
let pageF: Page
let projector: Page
/** A raw client on the board document from before the round to the end: every record key it ever saw. */
let listener: TestClient
const seenOnBoard = new Set<string>()
const people: Record<string, { page: Page; context: BrowserContext; personId: string; token: string; cards: string[] }> = {}
const ROLES = { Paola: 'Professional', Carla: 'Citizen / service user', Sara: 'Student' } as const

async function newPage(): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`))
  return { page, context }
}

const link = (secret: string) => `${server.url}/b/${board.id}#k=${secret}`

function tokenOf(page: Page): Promise<string> {
  return page.evaluate(() => {
    const boardId = location.pathname.split('/')[2]
    const secret = new URLSearchParams(location.hash.slice(1)).get('k')
    const stored = JSON.parse(localStorage.getItem('tavolo.local')!) as { state: { memberships: Record<string, { token: string }> } }
    return stored.state.memberships[`${boardId}#${secret}`].token
  })
}

/** A card of `type` made through the person's own editor, in the zone taking that type, at the zone's `order`-th place. */
function addCard(page: Page, personId: string, type: string, props: Record<string, unknown>, order: number): Promise<string> {
  return page.evaluate(
    ({ personId, type, props, order }) => {
      const editor = window.__tavolo!.editor
      const zone = editor
        .getCurrentPageShapes()
        .find((s) => s.type === 'tavolo-zone' && !s.meta.tableId && (s.props as { accepts: string[] }).accepts.includes(type))!
      const id = `shape:draft${Math.random().toString(36).slice(2, 10)}`
      const now = Date.now()
      editor.createShape({
        id: id as never,
        type: type as never,
        parentId: zone.id,
        x: 24 + order * 280,
        y: 64,
        props,
        meta: { createdBy: personId, createdAt: now, lastEditedBy: personId, lastEditedAt: now },
      })
      return id
    },
    { personId, type, props, order },
  )
}

const hasShape = (page: Page, id: string) => page.evaluate((shapeId) => window.__tavolo!.editor.getShape(shapeId as never) !== undefined, id)

/** The title of the smallest zone holding the card's centre on this page, or null. */
function zoneTitleOf(page: Page, id: string): Promise<string | null> {
  return page.evaluate((shapeId) => {
    const editor = window.__tavolo!.editor
    const centre = editor.getShapePageBounds(shapeId as never)!.center
    const zones = editor
      .getCurrentPageShapes()
      .filter((s) => s.type === 'tavolo-zone' && editor.getShapePageBounds(s)!.containsPoint(centre))
      .map((s) => ({ s, box: editor.getShapePageBounds(s)! }))
      .sort((a, b) => a.box.w * a.box.h - b.box.w * b.box.h)
      .map(({ s }) => s)
    return zones.length > 0 ? String((zones[0].props as { title: string }).title) : null
  }, id)
}

/** The creator badges shown on these cards, by card id ('' when hidden). */
function creatorsShown(page: Page, ids: string[]): Promise<string[]> {
  return page.evaluate(
    (cardIds) =>
      cardIds.map((id) => document.querySelector(`[data-testid="card"][data-shape-id="${id}"] [data-testid="card-creator"]`)?.textContent ?? ''),
    ids,
  )
}

const allDrafted = () => Object.values(people).flatMap((p) => p.cards)
/** The zone each drafted card was drafted in, as its author's screen showed it. */
const draftedIn: Record<string, string | null> = {}

beforeAll(async () => {
  server = await startServerProcess()
  browser = await launchChromium()
  board = await createBoardViaApi(server.url, { title: 'Drafting workshop', template: 'msc-public-services' })
  listener = connectClient(server.wsUrl, board.id, board.secrets.viewer)
  new YKeyValue(recordsArray(listener.doc)).on('change', (changes: Map<string, unknown>) => {
    for (const key of changes.keys()) seenOnBoard.add(key)
  })
  ;({ page: pageF } = await newPage())
  await pageF.goto(link(board.secrets.facilitator))
  await enterBoardAs(pageF, 'Fiona')
  for (const [name, role] of Object.entries(ROLES)) {
    const { page, context } = await newPage()
    await page.goto(link(board.secrets.editor))
    await enterBoardAs(page, name, role)
    people[name] = { page, context, personId: await personIdOf(page), token: await tokenOf(page), cards: [] }
  }
  ;({ page: projector } = await newPage())
  await projector.goto(`${server.url}/b/${board.id}/present#k=${board.secrets.viewer}`)
  await projector.getByTestId('present-screen').waitFor(WAIT)
  await pageF.waitForFunction(() => Object.keys(window.__tavolo!.doc.getMap('people').toJSON()).length === 4, undefined, WAIT)
}, 180_000)

afterAll(async () => {
  listener?.destroy()
  await browser?.close()
  await server?.stop()
})

describe('private drafting', () => {
  it('the facilitator opens an anonymous round from the levels panel; every participant sees the banner', async () => {
    await pageF.getByTestId('levels-toggle').click()
    await pageF.getByTestId('levels-tab-drafting').click()
    await pageF.getByTestId('drafting-anonymous').check()
    await pageF.getByTestId('drafting-timer').check()
    await pageF.getByTestId('drafting-open').click()
    await pageF.getByTestId('drafting-reveal').waitFor(WAIT)
    // The round started the timer too, and the wall shows the room drafting.
    await pageF.getByTestId('timer-pause').waitFor(WAIT)
    await projector.getByTestId('drafting-banner').getByText('Participants are drafting privately.').waitFor(WAIT)
    await projector.getByTestId('drafting-count').getByText('3 of 3 still drafting').waitFor(WAIT)
    for (const { page } of Object.values(people)) {
      await page.getByTestId('drafting-banner').getByText('Drafting privately — only you see your new cards').waitFor(WAIT)
      await page.getByTestId('drafting-count').getByText('3 of 3 still drafting').waitFor(WAIT)
    }
  })

  it('each participant’s new cards stay on their own screen, marked private; the facilitator’s go to everyone', async () => {
    const { Paola, Carla, Sara } = people
    // Paola through the palette, as anyone would; the others straight through their editors.
    await Paola.page.getByRole('button', { name: 'Add a content card' }).click()
    const editing = Paola.page.locator('[data-testid="card"][data-editing="true"]')
    await editing.waitFor(WAIT)
    Paola.cards.push((await editing.getAttribute('data-shape-id'))!)
    await Paola.page.keyboard.press('Escape')
    Paola.cards.push(await addCard(Paola.page, Paola.personId, 'tavolo-exam', { weight: 40 }, 1))
    // Carla's first card lands where Paola's palette card did: the reveal must lay them out apart.
    Carla.cards.push(await addCard(Carla.page, Carla.personId, 'tavolo-content', { title: 'Carla’s co-production', hours: 4 }, 0))
    Carla.cards.push(await addCard(Carla.page, Carla.personId, 'tavolo-content', { title: 'Carla’s second topic', hours: 2 }, 1))
    Sara.cards.push(await addCard(Sara.page, Sara.personId, 'tavolo-format', { hours: 6 }, 0))
    const facilitatorCard = await addCard(pageF, await personIdOf(pageF), 'tavolo-idea', { text: 'Facilitator’s idea' }, 0)

    for (const { page, cards } of Object.values(people)) {
      // Attached, not visible: tldraw culls the cards outside the person's view.
      for (const id of cards) {
        await page.locator(`[data-testid="card"][data-shape-id="${id}"][data-private]`).waitFor({ ...WAIT, state: 'attached' })
        draftedIn[id] = await zoneTitleOf(page, id)
        expect(draftedIn[id]).not.toBeNull()
      }
      await page.locator(`[data-testid="card"][data-shape-id="${facilitatorCard}"]:not([data-private])`).waitFor({ ...WAIT, state: 'attached' })
    }
    // Every draft reached the server, in its author's own draft document.
    for (const { personId, token, cards } of Object.values(people)) {
      const draft = connectClient(server.wsUrl, board.id, board.secrets.editor, { token, draft: true })
      const kv = new YKeyValue(recordsArray(draft.doc))
      await waitFor(() => cards.every((id) => kv.has(id)), `${personId}'s draft on the server`, WAIT.timeout)
      draft.destroy()
    }
    // …and nowhere else: not on the board, not on anyone else's screen.
    await waitFor(() => seenOnBoard.has(facilitatorCard), 'the facilitator’s card on the board', WAIT.timeout)
    expect(allDrafted().filter((id) => seenOnBoard.has(id))).toEqual([])
    for (const [name, { cards }] of Object.entries(people)) {
      for (const page of [pageF, projector, ...Object.entries(people).filter(([other]) => other !== name).map(([, p]) => p.page)]) {
        for (const id of cards) expect(await hasShape(page, id)).toBe(false)
      }
    }
    expect(await pageF.locator('[data-testid="card"][data-private]').count()).toBe(0)
    await Paola.page.screenshot({ path: screenshotPath('drafting-private') })
  })

  it('one participant leaves; the others say “I’m done” (and can take it back); everyone sees the counts and names', async () => {
    const { Paola, Carla, Sara } = people
    await Sara.context.close()
    await pageF.getByTestId('drafting-count').first().getByText('2 of 2 still drafting').waitFor(WAIT)

    await Paola.page.getByTestId('drafting-done').click()
    for (const page of [pageF, Paola.page, Carla.page]) {
      await page.getByTestId('drafting-count').first().getByText('1 of 2 still drafting').waitFor(WAIT)
      await page.getByTestId('drafting-done-names').first().getByText('Done: Paola').waitFor(WAIT)
    }
    await Paola.page.getByTestId('drafting-done').getByText('I’m not done yet').click()
    await Carla.page.getByTestId('drafting-count').getByText('2 of 2 still drafting').waitFor(WAIT)
    await Paola.page.getByTestId('drafting-done').click()
    await Carla.page.getByTestId('drafting-done').click()
    await pageF.getByTestId('drafting-count').first().getByText('0 of 2 still drafting').waitFor(WAIT)
    await pageF.getByTestId('drafting-done-names').first().getByText('Done: Carla, Paola').waitFor(WAIT)
    // The facilitator sees counts and names, never a draft.
    for (const id of allDrafted()) expect(await hasShape(pageF, id)).toBe(false)
    await pageF.screenshot({ path: screenshotPath('drafting-facilitator') })
  })

  it('the reveal brings every draft, the departed person’s too, into its zone without overlap, authors hidden', async () => {
    await pageF.getByTestId('drafting-reveal').click()
    await pageF.getByTestId('drafting-revealed').getByText('5 cards from 3 people revealed.').waitFor(WAIT)

    const pages = [pageF, people.Paola.page, people.Carla.page, projector]
    for (const page of pages) {
      for (const id of allDrafted()) await page.locator(`[data-testid="card"][data-shape-id="${id}"]`).waitFor({ ...WAIT, state: 'attached' })
      // The board brings the cards first, the draft's deletions just after: no card private for long.
      await expect.poll(() => page.locator('[data-testid="card"][data-private]').count(), WAIT).toBe(0)
      await page.getByTestId('drafting-banner').waitFor({ ...WAIT, state: 'detached' })
    }
    // Each card in the zone it was drafted in, Sara's too though she had left.
    for (const id of allDrafted()) expect(await zoneTitleOf(pageF, id)).toBe(draftedIn[id])
    for (const page of pages) expect(await overlapping(page, 'cards')).toEqual([])
    // Anonymous: no author on any revealed card, on the board or the projector.
    for (const page of pages) expect(await creatorsShown(page, allDrafted())).toEqual(allDrafted().map(() => ''))
  })

  it('“Show the authors” puts every name back, the departed person’s included', async () => {
    await pageF.getByTestId('drafting-show-authors').click()
    for (const page of [pageF, people.Paola.page, projector]) {
      await page.locator(`[data-testid="card"][data-shape-id="${people.Sara.cards[0]}"] [data-testid="card-creator"]`).getByText('Sara').waitFor({ ...WAIT, state: 'attached' })
      const shown = await creatorsShown(page, allDrafted())
      expect(shown.map((text) => text.replace(/(Professional|Citizen.*|Student)$/, ''))).toEqual([
        ...people.Paola.cards.map(() => 'Paola'),
        ...people.Carla.cards.map(() => 'Carla'),
        ...people.Sara.cards.map(() => 'Sara'),
      ])
    }
  })

  it('a write to a draft that its rule refuses is said over the whole screen, as for the board', async () => {
    // A modified client: a draft holds records only.
    await people.Carla.page.evaluate(() => window.__tavolo!.draft!.getMap('session').set('phase', 2))
    await people.Carla.page.locator('[data-testid="connection-refused"][data-code="4403"]').waitFor(WAIT)
  })
})
