import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SQLITE_FILE_NAME } from '../../server/src/storage/sqlite'
import { createBoardViaApi, makeTempDataDir, startInProcessServer, type InProcessServer } from '../support/server'
import { ideaTexts, writeIdea } from '../support/ideaCards'
import { trackedClients } from '../support/trackedClients'
import { waitFor, waitForSync } from '../support/yclient'

let server: InProcessServer | null = null

afterEach(async () => {
  await server?.stop()
  server = null
})

const { client, person, destroyClients } = trackedClients(() => server!.wsUrl)

const EDITS = 10_000
const MAX_RATIO = 1.5

/** The database and its WAL (the -shm index is a fixed 32 KiB of shared memory, gone at close). */
function bytesOnDisk(dataDir: string): number {
  const file = path.join(dataDir, SQLITE_FILE_NAME)
  return [file, `${file}-wal`].reduce((sum, f) => sum + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0)
}

describe('stored size', () => {
  it(`during and after ${EDITS.toLocaleString('en')} small edits, the files on disk stay within ${MAX_RATIO}× the live state, open and after a restart`, async () => {
    const dataDir = makeTempDataDir()
    server = await startInProcessServer({ dataDir })
    const board = await createBoardViaApi(server.url)
    const writer = await person(board.id, board.secrets.facilitator)
    const reader = client(board.id, board.secrets.viewer)
    await Promise.all([waitForSync(writer), waitForSync(reader)])
    // A board of about 65 KB, like the one measured in PERF-NOTES.
    for (let i = 0; i < 64; i++) writeIdea(writer.doc, writer.personId, `note${i}`, `${String(i).padStart(4, '0')} `.repeat(200))
    await waitFor(() => Object.keys(ideaTexts(reader.doc)).length === 64, 'the board to arrive')
    await new Promise((resolve) => setTimeout(resolve, 500))
    // Sampled during the burst: the largest ratio of the files to the live state at that moment.
    let burstRatio = 0
    for (let i = 1; i <= EDITS; i++) {
      writeIdea(writer.doc, writer.personId, `key${i % 20}`, String(i))
      // Give the server a turn now and then, as people typing would.
      if (i % 100 === 0) {
        await new Promise((resolve) => setImmediate(resolve))
        burstRatio = Math.max(burstRatio, bytesOnDisk(dataDir) / Y.encodeStateAsUpdate(reader.doc).byteLength)
      }
    }
    await waitFor(() => ideaTexts(reader.doc)[`key${EDITS % 20}`] === String(EDITS), 'every edit to arrive', 60_000)
    const live = Y.encodeStateAsUpdate(reader.doc).byteLength
    expect(live).toBeGreaterThan(60_000)
    expect(burstRatio).toBeLessThanOrEqual(MAX_RATIO)
    // The board stays open: the idle checkpoint empties the WAL.
    await waitFor(() => bytesOnDisk(dataDir) <= live * MAX_RATIO, `the files to shrink to ${MAX_RATIO}× ${live} bytes (now ${bytesOnDisk(dataDir)})`, 5_000)

    destroyClients()
    await server.stop()
    server = await startInProcessServer({ dataDir })
    const ratio = bytesOnDisk(dataDir) / live
    expect(ratio).toBeGreaterThan(0.5)
    expect(ratio).toBeLessThanOrEqual(MAX_RATIO)
    fs.rmSync(dataDir, { recursive: true, force: true })
  }, 120_000)
})
