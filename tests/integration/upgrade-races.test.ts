import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { TavoloConfig } from '../../server/src/config'
import { openSqliteStorage } from '../../server/src/storage/sqlite'
import type { BoardStorage } from '../../server/src/storage/storage'
import { upgradeStatus } from '../support/rawsocket'
import { createBoardViaApi, joinBoardViaApi, makeTempDataDir, startInProcessServer, type InProcessServer } from '../support/server'
import { waitFor } from '../support/yclient'

// Upgrades that wait on storage together (PostgreSQL round trips) must still respect the
// connection limits and shutdown. SQLite answers at once, so the relay's person-token read is held.

let server: InProcessServer | null = null
const sockets: WebSocket[] = []
const dataDirs: string[] = []

afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate()
  await server?.stop()
  server = null
  for (const dir of dataDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

/** The real SQLite storage, with getPerson (the relay's person-token check) held from hold() until release(). */
function heldPersonStorage(dataDir: string) {
  const real = openSqliteStorage(dataDir)
  let gate: Promise<void> | null = null
  let open = () => undefined as void
  let waiting = 0
  const storage: BoardStorage = {
    ...real,
    async getPerson(boardId, personId) {
      if (gate) {
        waiting++
        await gate
        waiting--
      }
      return real.getPerson(boardId, personId)
    },
  }
  return {
    storage,
    hold: () => void (gate = new Promise<void>((resolve) => (open = resolve))),
    release: () => {
      gate = null
      open()
    },
    waiting: () => waiting,
  }
}

type Answer = Awaited<ReturnType<typeof upgradeStatus>>

/** An upgrade's answer; an accepted socket stays open until the test ends. */
const attemptUpgrade = (url: string): Promise<Answer> => upgradeStatus(url, (ws) => sockets.push(ws))

async function startHeld(config: Partial<TavoloConfig>) {
  const dataDir = makeTempDataDir()
  dataDirs.push(dataDir)
  const held = heldPersonStorage(dataDir)
  server = await startInProcessServer({ dataDir, storage: held.storage, config })
  return held
}

/** A board with one person, and the URL on which that person connects to it. */
async function boardWithPerson(): Promise<string> {
  const board = await createBoardViaApi(server!.url)
  const { token } = await joinBoardViaApi(server!.url, board.id, board.secrets.editor)
  return `${server!.wsUrl}/${board.id}?k=${board.secrets.editor}&p=${encodeURIComponent(token)}`
}

/** Fires `urls` together with the access check held, lets it go once each is waiting or answered. */
async function together(held: ReturnType<typeof heldPersonStorage>, urls: string[]): Promise<Answer[]> {
  held.hold()
  let answered = 0
  const answers = Promise.all(urls.map((url) => attemptUpgrade(url).finally(() => answered++)))
  await waitFor(() => answered + held.waiting() === urls.length, 'every upgrade to be answered or waiting on storage')
  held.release()
  return answers
}

const statuses = (answers: Answer[]) => answers.map((answer) => answer.status).sort()

describe('upgrades waiting on storage', () => {
  it('get no more connections than the limits, per board and in total', async () => {
    const held = await startHeld({ maxConnectionsPerBoard: 2, maxConnections: 3 })
    const [a, b, c] = [await boardWithPerson(), await boardWithPerson(), await boardWithPerson()]

    const onOneBoard = await together(held, Array(5).fill(a))
    expect(statuses(onOneBoard)).toEqual([101, 101, 503, 503, 503])
    expect(onOneBoard.filter((answer) => answer.status === 503).map((answer) => JSON.parse(answer.body).error)).toEqual(
      Array(3).fill('this board already has 2 connections'),
    )
    expect(server!.server.stats().connections).toBe(2)
    for (const ws of sockets.splice(0)) ws.close()
    await waitFor(() => server!.server.stats().connections === 0, 'the first connections to leave')

    const overBoards = await together(held, [...Array(4).fill(b), ...Array(4).fill(c)])
    expect(statuses(overBoards)).toEqual([101, 101, 101, 503, 503, 503, 503, 503])
    expect(server!.server.stats().connections).toBe(3)
  })

  it('in flight when shutdown begins is refused, and close() resolves', async () => {
    const held = await startHeld({})
    const url = await boardWithPerson()
    // An open connection keeps close() busy (and the relay's websocket server open) while the upgrade goes on.
    expect((await attemptUpgrade(url)).status).toBe(101)
    held.hold()
    const answer = attemptUpgrade(url)
    await waitFor(() => held.waiting() === 1, 'the upgrade to wait on storage')
    const closed = server!.server.close().then(() => 'closed')
    held.release()
    expect(await answer).toEqual({ status: 503, body: JSON.stringify({ error: 'the server is shutting down' }) })
    const timeout = new Promise((resolve) => setTimeout(() => resolve('still closing after 5 s'), 5_000).unref())
    expect(await Promise.race([closed, timeout])).toBe('closed')
  })
})
