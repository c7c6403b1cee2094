// `npm run bench`: how Tavolo's sync compares with the same work done without a network, measured
// side by side in one run so the figures are ratios, not machine-dependent absolutes.
//
//  1. Open a board of 1,000 shapes (page load, websocket sync, render) vs putting the same
//     records into an already open editor from a local snapshot (render only).
//  2. A change made by one person appearing on another person's screen vs the same change
//     appearing on the author's own screen.
import type { Page } from 'playwright-core'
import { ensureClientBuilt } from '../../server/src/clientBuild'
import { launchChromium } from '../e2e/support/browser'
import { createWorkshop, enterBoardAs, waitForConnected } from '../e2e/support/tavoloPage'
import { startServerProcess } from '../support/server'

const SHAPES = 1_000
const OPEN_RUNS = 5
const CHANGE_RUNS = 40

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

function report(name: string, measured: number[], reference: number[], referenceName: string): void {
  const m = median(measured)
  const r = median(reference)
  console.log(`${name}\n  median ${m.toFixed(1)} ms vs ${referenceName} ${r.toFixed(1)} ms → ratio ${(m / r).toFixed(2)}× (n=${measured.length})`)
}

/** Resolves after two animation frames: the browser has painted what the store holds. */
const AFTER_PAINT = `new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))`

async function fillBoard(page: Page): Promise<void> {
  await page.evaluate(async (count) => {
    const editor = window.__tavolo!.editor
    const shapes = Array.from({ length: count }, (_, i) => ({
      type: 'geo' as const,
      x: (i % 40) * 120,
      y: Math.floor(i / 40) * 120,
      props: { w: 100, h: 100 },
    }))
    editor.run(() => editor.createShapes(shapes))
  }, SHAPES)
}

/** Milliseconds from navigation start until every shape is in the editor and painted. */
async function openBoard(page: Page, url: string, boardId: string): Promise<number> {
  // A cold open: no IndexedDB copy of the board on this device.
  await page.evaluate((id) => new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(`tavolo-board-${id}`)
    request.onsuccess = request.onerror = request.onblocked = () => resolve(undefined)
  }), boardId)
  await page.goto('about:blank')
  await page.goto(url)
  await page.waitForFunction((n) => window.__tavolo?.editor.getCurrentPageShapes().length === n, SHAPES, { timeout: 120_000 })
  return page.evaluate(`${AFTER_PAINT}.then(() => performance.now())`) as Promise<number>
}

/** Milliseconds to put the board's records into an open editor from a snapshot and paint them. */
async function renderFromSnapshot(page: Page, records: unknown[]): Promise<number> {
  return page.evaluate(async ({ records, afterPaint }) => {
    const editor = window.__tavolo!.editor
    const ids = records.map((r) => (r as { id: string }).id)
    editor.store.mergeRemoteChanges(() => editor.store.remove(ids as never))
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
    const start = performance.now()
    editor.store.mergeRemoteChanges(() => editor.store.put(records as never))
    await (0, eval)(afterPaint)
    return performance.now() - start
  }, { records, afterPaint: AFTER_PAINT })
}

/** Moves a shape on `author` and returns the epoch time of the move. */
function moveShape(author: Page, id: string, x: number): Promise<number> {
  return author.evaluate(({ id, x }) => {
    const at = performance.timeOrigin + performance.now()
    window.__tavolo!.editor.updateShape({ id: id as never, type: 'geo', x })
    return at
  }, { id, x })
}

/**
 * Epoch time at which `page` has painted the shape at `x`. Written as page source: tsx names
 * inner functions with a helper that does not exist in the page.
 */
function seenAt(page: Page, id: string, x: number): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const check = () => {
      if (window.__tavolo.editor.getShape(${JSON.stringify(id)})?.x === ${x}) {
        ${AFTER_PAINT}.then(() => resolve(performance.timeOrigin + performance.now()))
      } else requestAnimationFrame(check)
    }
    check()
  })`) as Promise<number>
}

async function main(): Promise<void> {
  ensureClientBuilt()
  const server = await startServerProcess()
  const browser = await launchChromium()
  try {
    const facilitator = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage()
    const { boardId, secret } = await createWorkshop(facilitator, server.url, 'Benchmark')
    await enterBoardAs(facilitator, 'Bench facilitator')
    await fillBoard(facilitator)
    const records = await facilitator.evaluate(() =>
      window.__tavolo!.editor.getCurrentPageShapes().map((shape) => ({ ...shape })),
    )

    // 1. Opening the board.
    const opener = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage()
    const links = (await (
      await fetch(`${server.url}/api/boards/${boardId}/links`, { headers: { Authorization: `Bearer ${secret}` } })
    ).json()) as { editor: string }
    const boardUrl = `${server.url}/b/${boardId}#k=${links.editor}`
    await opener.goto(boardUrl)
    await enterBoardAs(opener, 'Bench opener', 'Professional')
    const opens: number[] = []
    for (let i = 0; i < OPEN_RUNS; i++) opens.push(await openBoard(opener, boardUrl, boardId))

    await createWorkshop(opener, server.url, 'Scratch board')
    await enterBoardAs(opener, 'Bench opener')
    const renders: number[] = []
    for (let i = 0; i < OPEN_RUNS; i++) renders.push(await renderFromSnapshot(opener, records))
    report(`Open a board of ${SHAPES} shapes (page load + sync + paint)`, opens, renders, 'paint from a local snapshot')

    // 2. A remote change.
    const participant = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage()
    await participant.goto(boardUrl)
    await enterBoardAs(participant, 'Bench participant', 'Citizen / service user')
    await waitForConnected(participant)
    const id = records[0].id as string
    const remote: number[] = []
    const local: number[] = []
    for (let i = 1; i <= CHANGE_RUNS; i++) {
      const x = 10_000 + i
      const remoteSeen = seenAt(participant, id, x)
      const localSeen = seenAt(facilitator, id, x)
      const movedAt = await moveShape(facilitator, id, x)
      remote.push((await remoteSeen) - movedAt)
      local.push((await localSeen) - movedAt)
    }
    report('A change appearing on another person\'s screen', remote, local, "on the author's own screen")
  } finally {
    await browser.close()
    await server.stop()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
