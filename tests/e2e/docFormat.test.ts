import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DOC_FORMAT_VERSION, META_KEYS, META_ROOT } from '../../shared/src/doc/roots'
import type { CreatedBoard } from '../../shared/src/wire/api'
import { createBoardViaApi, startServerProcess, type ServerProcess } from '../support/server'
import { connectPerson, waitFor, waitForSync, type PersonClient } from '../support/yclient'
import { launchChromium } from './support/browser'
import { enterBoardAs } from './support/tavoloPage'

// An older board (document format 1) opened in Chromium: the facilitator's client brings it up to
// the current format as it loads the board (sync/useBoardStore.ts), with no panel opened.

let server: ServerProcess
let browser: Browser
let board: CreatedBoard
let watcher: PersonClient

const format = () => watcher.doc.getMap(META_ROOT).get(META_KEYS.format)

beforeAll(async () => {
  server = await startServerProcess()
  browser = await launchChromium()
  board = await createBoardViaApi(server.url, { title: 'Older board', template: 'msc-public-services' })
  // A facilitator's client of a Tavolo from before the levels wrote this board.
  watcher = await connectPerson(server.wsUrl, board.id, board.secrets.facilitator, { name: 'Old client', role: 'facilitator' })
  await waitForSync(watcher)
  watcher.doc.getMap(META_ROOT).set(META_KEYS.format, 1)
}, 180_000)

afterAll(async () => {
  watcher?.destroy()
  await browser?.close()
  await server?.stop()
})

describe('the document format', () => {
  it('the facilitator’s client upgrades an older board as it loads it, with the levels panel closed', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
    const facilitator = await context.newPage()
    await facilitator.goto(`${server.url}/b/${board.id}#k=${board.secrets.facilitator}`)
    await enterBoardAs(facilitator, 'Fiona')
    await waitFor(() => format() === DOC_FORMAT_VERSION, 'the facilitator’s client to upgrade the board')
    expect(await facilitator.getByTestId('levels-panel').count()).toBe(0)
  })
})
