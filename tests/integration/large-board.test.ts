import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openSqliteStorage } from '../../server/src/storage/sqlite'
import { createBoardViaApi, makeTempDataDir, startInProcessServer, type InProcessServer } from '../support/server'
import { ideaTexts, writeIdea } from '../support/ideaCards'
import { trackedClients } from '../support/trackedClients'
import { waitFor, waitForSync } from '../support/yclient'

let server: InProcessServer | null = null

afterEach(async () => {
  await server?.stop()
  server = null
})

const { client, person } = trackedClients(() => server!.wsUrl)

const BOARD_BYTES = 16 * 1024 * 1024

/** One update holding `bytes` characters of text no compression could shrink much. */
function largeUpdate(bytes: number): Uint8Array {
  const doc = new Y.Doc()
  const letters = Buffer.alloc(bytes)
  for (let i = 0; i < bytes; i++) letters[i] = 97 + ((i * 7919) % 26)
  doc.getText('large').insert(0, letters.toString('latin1'))
  return Y.encodeStateAsUpdate(doc)
}

describe('a large board', () => {
  it('syncs its 16 MB document to a new client while edits keep flowing, with the default send limit', async () => {
    const dataDir = makeTempDataDir()
    const storage = openSqliteStorage(dataDir)
    server = await startInProcessServer({ dataDir, storage })
    expect(server.config.maxSendBufferBytes).toBeLessThan(BOARD_BYTES)
    const board = await createBoardViaApi(server.url)
    await storage.appendUpdates(board.id, [largeUpdate(BOARD_BYTES)])

    const writer = await person(board.id, board.secrets.facilitator)
    await waitForSync(writer, 60_000)
    let i = 0
    const writing = setInterval(() => writeIdea(writer.doc, writer.personId, `k${++i}`, String(i)), 5)
    try {
      const closes: number[] = []
      const reader = client(board.id, board.secrets.editor)
      reader.provider.on('connection-close', (event: CloseEvent | null) => event && closes.push(event.code))
      await waitForSync(reader, 60_000)
      expect(reader.doc.getText('large').length).toBe(BOARD_BYTES)
      const target = i
      await waitFor(() => Object.keys(ideaTexts(reader.doc)).length >= target, 'the edits made during the sync')
      expect(closes).toEqual([])
    } finally {
      clearInterval(writing)
    }
    expect(server.logs.filter((line) => line.includes('not reading'))).toEqual([])
  }, 120_000)
})
