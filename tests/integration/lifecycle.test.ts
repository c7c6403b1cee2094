import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { encodeSyncStep1, encodeUpdate } from '../../server/src/relay/protocol'
import { SQLITE_FILE_NAME, openSqliteStorage } from '../../server/src/storage/sqlite'
import type { BoardStorage } from '../../server/src/storage/storage'
import { openRawSocket, waitForClose } from '../support/rawsocket'
import { ideaTexts, writeIdea } from '../support/ideaCards'
import { createBoardViaApi, joinBoardViaApi, makeTempDataDir, startInProcessServer, type InProcessServer } from '../support/server'
import { connectClient, connectPerson, waitFor, waitForSync, type TestClient } from '../support/yclient'

let server: InProcessServer | null = null
const clients: TestClient[] = []

/** Data folders a test passed in itself: the server helper leaves those alone. */
const dataDirs: string[] = []

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server?.stop()
  server = null
  for (const dir of dataDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

const activeTimers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length

function countRows(dataDir: string, boardId: string): { updates: number; snapshots: number } {
  const db = new Database(path.join(dataDir, SQLITE_FILE_NAME), { readonly: true })
  try {
    const updates = db.prepare('SELECT COUNT(*) AS n FROM updates WHERE key >> 32 = (SELECT log_id FROM boards WHERE id = ?)').get(boardId) as { n: number }
    const snapshots = db.prepare('SELECT COUNT(*) AS n FROM snapshots WHERE board_id = ?').get(boardId) as { n: number }
    return { updates: updates.n, snapshots: snapshots.n }
  } finally {
    db.close()
  }
}

/** The real SQLite storage, with loading held until the test lets it go; counts the loads. */
function heldLoadStorage(dataDir: string): { gated: BoardStorage; releaseLoad: () => void; loads: () => number } {
  const real = openSqliteStorage(dataDir)
  let releaseLoad!: () => void
  const loadGate = new Promise<void>((resolve) => (releaseLoad = resolve))
  let loads = 0
  const gated: BoardStorage = {
    ...real,
    async loadDocument(boardId, afterSeq) {
      loads++
      await loadGate
      return real.loadDocument(boardId, afterSeq)
    },
  }
  return { gated, releaseLoad, loads: () => loads }
}

describe('room lifecycle', () => {
  it('thousands of connect/disconnect cycles leave no rooms, connections or timers behind', async () => {
    server = await startInProcessServer()
    const boards = await Promise.all(Array.from({ length: 5 }, () => createBoardViaApi(server!.url)))
    const people = await Promise.all(boards.map((board) => joinBoardViaApi(server!.url, board.id, board.secrets.editor)))
    const timersBefore = activeTimers()
    const CYCLES = 2000
    const PARALLEL = 20
    let next = 0
    let writtenToFirstBoard = 0
    const worker = async () => {
      while (next < CYCLES) {
        const i = next++
        const board = boards[i % boards.length]
        const { personId, token } = people[i % boards.length]
        const ws = await openRawSocket(server!.wsUrl, board.id, board.secrets.editor, token)
        ws.send(encodeSyncStep1(new Uint8Array([0])))
        if (i % 7 === 0) {
          if (board === boards[0]) writtenToFirstBoard++
          const doc = new Y.Doc()
          writeIdea(doc, personId, String(i), 'cycle')
          ws.send(encodeUpdate(Y.encodeStateAsUpdate(doc)))
        }
        const closed = waitForClose(ws)
        ws.close()
        await closed
      }
    }
    await Promise.all(Array.from({ length: PARALLEL }, worker))
    await waitFor(() => server!.server.stats().loadedRooms === 0 && server!.server.stats().connections === 0, 'every room to unload')
    expect(activeTimers()).toBeLessThanOrEqual(timersBefore)

    // Nothing was lost on the way: every seventh cycle wrote one entry.
    const check = connectClient(server.wsUrl, boards[0].id, boards[0].secrets.viewer)
    clients.push(check)
    await waitForSync(check)
    expect(Object.keys(ideaTexts(check.doc)).length).toBe(writtenToFirstBoard)
    // Generous: 2,000 real socket cycles take seconds alone and several times that on a loaded 2-core CI machine.
  }, 240_000)

  it('clients connecting while the board loads all get the full state, never an empty document', async () => {
    const dataDir = makeTempDataDir()
    dataDirs.push(dataDir)
    const { gated, releaseLoad, loads } = heldLoadStorage(dataDir)
    const first = await startInProcessServer({ dataDir })
    const board = await createBoardViaApi(first.url, { title: 'Loaded late' })
    await first.server.close()

    server = await startInProcessServer({ dataDir, storage: gated })
    const titlesAtSync: unknown[] = []
    for (let i = 0; i < 8; i++) {
      const c = connectClient(server.wsUrl, board.id, board.secrets.editor)
      c.provider.on('sync', (synced: boolean) => {
        if (synced) titlesAtSync.push(c.doc.getMap('meta').get('title'))
      })
      clients.push(c)
    }
    await waitFor(() => server!.server.stats().connections === 8, 'all eight to connect while loading')
    expect(clients.some((c) => c.provider.synced)).toBe(false)
    releaseLoad()
    await Promise.all(clients.map((c) => waitForSync(c)))
    expect(loads()).toBe(1)
    expect(titlesAtSync).toEqual(Array(8).fill('Loaded late'))
  })

  it('an edit sent by a client that leaves before its board has loaded is still judged and stored', async () => {
    const dataDir = makeTempDataDir()
    dataDirs.push(dataDir)
    const { gated, releaseLoad } = heldLoadStorage(dataDir)
    const first = await startInProcessServer({ dataDir })
    const board = await createBoardViaApi(first.url)
    const { personId, token } = await joinBoardViaApi(first.url, board.id, board.secrets.editor)
    await first.server.close()

    server = await startInProcessServer({ dataDir, storage: gated })
    const ws = await openRawSocket(server.wsUrl, board.id, board.secrets.editor, token)
    const doc = new Y.Doc()
    writeIdea(doc, personId, 'early', 'sent before the board loaded')
    ws.send(encodeUpdate(Y.encodeStateAsUpdate(doc)))
    const closed = waitForClose(ws)
    ws.close()
    await closed
    releaseLoad()
    await waitFor(() => server!.server.stats().loadedRooms === 0, 'the room to unload')
    const check = connectClient(server.wsUrl, board.id, board.secrets.viewer)
    clients.push(check)
    await waitForSync(check)
    expect(ideaTexts(check.doc).early).toBe('sent before the board loaded')
  })

  it('compacts a long history into one snapshot, past the threshold and on unload, keeping the content', async () => {
    server = await startInProcessServer({ config: { compactAfterUpdates: 50 } })
    const board = await createBoardViaApi(server.url)
    const writer = await connectPerson(server.wsUrl, board.id, board.secrets.editor)
    const watcher = connectClient(server.wsUrl, board.id, board.secrets.viewer)
    clients.push(writer, watcher)
    await Promise.all([waitForSync(writer), waitForSync(watcher)])
    for (let i = 0; i < 400; i++) {
      writeIdea(writer.doc, writer.personId, 'history', `${i}`)
      if (i % 20 === 0) await new Promise((resolve) => setImmediate(resolve))
    }
    await waitFor(() => ideaTexts(watcher.doc).history === '399', 'every edit to be relayed')
    // Past the threshold the log was merged while the board stayed loaded.
    expect(countRows(server.dataDir, board.id).updates).toBeLessThan(50)

    for (const c of clients.splice(0)) c.destroy()
    await waitFor(() => server!.server.stats().loadedRooms === 0, 'the room to unload')
    expect(countRows(server.dataDir, board.id)).toEqual({ updates: 0, snapshots: 1 })

    const reader = connectClient(server.wsUrl, board.id, board.secrets.viewer)
    clients.push(reader)
    await waitForSync(reader)
    expect(ideaTexts(reader.doc)).toEqual({ history: '399' })
  })
})
