import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SQLITE_FILE_NAME } from '../../server/src/storage/sqlite'
import type { CreatedBoard } from '../../shared/src/wire/api'
import { createBoardViaApi, makeTempDataDir, startInProcessServer, type InProcessServer } from '../support/server'
import { ideaTexts, writeIdea } from '../support/ideaCards'
import { trackedClients } from '../support/trackedClients'
import { waitFor, waitForSync, type PersonClient, type TestClient } from '../support/yclient'

let server: InProcessServer | null = null

afterEach(async () => {
  await server?.stop()
  server = null
})

const { client, person, destroyClients } = trackedClients(() => server!.wsUrl)

const MAX_RATIO = 1.5
const NOTES = 64
const KEYS = 20

/** The database and its WAL (the -shm index is a fixed 32 KiB of shared memory, gone at close). */
function bytesOnDisk(dataDir: string): number {
  const file = path.join(dataDir, SQLITE_FILE_NAME)
  // A database that is not where this looks would make every bound below pass.
  expect(fs.existsSync(file)).toBe(true)
  return [file, `${file}-wal`].reduce((sum, f) => sum + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0)
}

const WORDS = 'the a board idea sticky card team vote plan user flow sketch review draft ideas people post want need could every page room next week goal why how what client design research test map step screen layout colour button prototype workshop feedback'.split(' ')

/** `count` words of prose from a fixed seed: text that compresses as people's notes do, not a repeated pattern. */
function prose(seed: number, count: number): string {
  let state = seed * 2654435761 || 1
  const words: string[] = []
  for (let i = 0; i < count; i++) {
    state = (state * 1103515245 + 12345) >>> 0
    words.push(WORDS[state % WORDS.length])
  }
  return words.join(' ')
}

/** A new board with a writer and a reader, filled with about 65 KB of notes (the board measured in PERF-NOTES). */
async function boardOfNotes(dataDir: string, text: (note: number) => string): Promise<{ board: CreatedBoard; writer: PersonClient; reader: TestClient }> {
  server = await startInProcessServer({ dataDir })
  const board = await createBoardViaApi(server.url)
  const writer = await person(board.id, board.secrets.facilitator)
  const reader = client(board.id, board.secrets.viewer)
  await Promise.all([waitForSync(writer), waitForSync(reader)])
  for (let i = 0; i < NOTES; i++) writeIdea(writer.doc, writer.personId, `note${i}`, text(i))
  await waitFor(() => Object.keys(ideaTexts(reader.doc)).length === NOTES, 'the board to arrive')
  await new Promise((resolve) => setTimeout(resolve, 500))
  return { board, writer, reader }
}

const ratioNow = (dataDir: string, reader: TestClient) => bytesOnDisk(dataDir) / Y.encodeStateAsUpdate(reader.doc).byteLength

/** After the edits: the files shrink within the target while the board is open, and after a restart. */
async function expectWithinAfter(dataDir: string, reader: TestClient, lastKey: string, lastText: string): Promise<Record<string, string>> {
  await waitFor(() => ideaTexts(reader.doc)[lastKey] === lastText, 'every edit to arrive', 60_000)
  const live = Y.encodeStateAsUpdate(reader.doc).byteLength
  expect(live).toBeGreaterThan(60_000)
  const texts = ideaTexts(reader.doc)
  // The board stays open: the idle checkpoint empties the WAL.
  await waitFor(() => bytesOnDisk(dataDir) <= live * MAX_RATIO, `the files to shrink to ${MAX_RATIO}× ${live} bytes (now ${bytesOnDisk(dataDir)})`, 5_000)
  destroyClients()
  await server!.stop()
  server = await startInProcessServer({ dataDir })
  expect(bytesOnDisk(dataDir) / live).toBeLessThanOrEqual(MAX_RATIO)
  return texts
}

describe('stored size', () => {
  const BURST_EDITS = 10_000
  it(`during and after a burst of ${BURST_EDITS.toLocaleString('en')} small edits, the files on disk stay within ${MAX_RATIO}× the live state, open and after a restart`, async () => {
    const dataDir = makeTempDataDir()
    const { board, writer, reader } = await boardOfNotes(dataDir, (i) => `${String(i).padStart(4, '0')} `.repeat(200))
    // Sampled during the burst: the largest ratio of the files to the live state at that moment.
    let burstRatio = 0
    for (let i = 1; i <= BURST_EDITS; i++) {
      writeIdea(writer.doc, writer.personId, `key${i % KEYS}`, String(i))
      // Give the server a turn now and then (this outruns the rate limit: the writer is closed and resyncs).
      if (i % 100 === 0) {
        await new Promise((resolve) => setImmediate(resolve))
        burstRatio = Math.max(burstRatio, ratioNow(dataDir, reader))
      }
    }
    expect(burstRatio).toBeLessThanOrEqual(MAX_RATIO)
    const texts = await expectWithinAfter(dataDir, reader, `key${BURST_EDITS % KEYS}`, String(BURST_EDITS))
    // Reopened from the files alone, the board holds every card as it was.
    const reopened = client(board.id, board.secrets.viewer)
    await waitForSync(reopened)
    expect(ideaTexts(reopened.doc)).toEqual(texts)
    fs.rmSync(dataDir, { recursive: true, force: true })
  }, 120_000)

  // One person editing cards at the pace of a card dragged at 60 frames a second, well within the
  // rate limits (no connection closed, so every edit is stored on its own, not in a resync's batch).
  const PACED_EDITS = 250
  const EDIT_EVERY_MS = 16
  it(`while ${PACED_EDITS} edits of prose arrive one by one within the rate limits, the files stay within ${MAX_RATIO}× the live state, open and after a restart`, async () => {
    const dataDir = makeTempDataDir()
    const { writer, reader } = await boardOfNotes(dataDir, (i) => prose(i, 160))
    let closes = 0
    writer.provider.on('connection-close', () => closes++)
    let ratio = 0
    let typed = ''
    for (let i = 1; i <= PACED_EDITS; i++) {
      typed = prose(NOTES + (i % KEYS), 3 + Math.floor(i / KEYS))
      writeIdea(writer.doc, writer.personId, `key${i % KEYS}`, typed)
      await new Promise((resolve) => setTimeout(resolve, EDIT_EVERY_MS))
      ratio = Math.max(ratio, ratioNow(dataDir, reader))
    }
    expect(closes).toBe(0)
    expect(ratio).toBeLessThanOrEqual(MAX_RATIO)
    await expectWithinAfter(dataDir, reader, `key${PACED_EDITS % KEYS}`, typed)
    fs.rmSync(dataDir, { recursive: true, force: true })
  }, 60_000)
})
