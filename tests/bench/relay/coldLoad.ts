import type * as Y from 'yjs'
import { ideaTexts, writeIdea } from '../../support/ideaCards'
import { connectBenchClient, startWithWriter } from './client'
import { RELAYS, startRelay, type RelayName } from './servers'
import { median, printFigure } from './stats'

// Cold load of a 16 MiB board: the relay restarted, then one client's connect → the whole board
// received.

const BOARD_BYTES = 16 * 1024 * 1024
const CHUNK_BYTES = 1024 * 1024
const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 2)
// Hocuspocus stores 2 s after the last change (its default debounce).
const SETTLE_MS = 3000
const WHOLE_BOARD_TIMEOUT_MS = 60_000

const receivedBytes = (doc: Y.Doc): number => Object.values(ideaTexts(doc)).reduce((sum, text) => sum + text.length, 0)

/** Resolves once `doc` holds the whole board, or after WHOLE_BOARD_TIMEOUT_MS (reported below). */
async function wholeBoard(doc: Y.Doc): Promise<void> {
  const deadline = Date.now() + WHOLE_BOARD_TIMEOUT_MS
  while (receivedBytes(doc) < BOARD_BYTES && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 1))
}

const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS))

async function measure(name: RelayName): Promise<number[]> {
  const { relay: first, doc, writer, writerDoc } = await startWithWriter(name)
  // Idea cards, which Tavolo's rules take from any person (its `session` keys each take only their own values).
  for (let i = 0; i < BOARD_BYTES / CHUNK_BYTES; i++) writeIdea(writerDoc, doc.writerPersonId, `chunk${i}`, String.fromCharCode(97 + i).repeat(CHUNK_BYTES))
  // The relay has the whole board once a second client receives it; closing the writer earlier
  // (a loaded machine) dropped what it had not sent yet.
  const check = connectBenchClient(first.documentUrl(doc), first.prefix(doc))
  await wholeBoard(check.doc)
  check.close()
  await settle()
  writer.close()
  await settle()
  await first.stop()
  const times: number[] = []
  for (let run = 0; run < RUNS; run++) {
    // Ready when it answers, as for every relay's start probe: no probe opens this board before the reader.
    const relay = await startRelay(name, { dataDir: first.dataDir })
    try {
      const start = performance.now()
      const reader = connectBenchClient(relay.documentUrl(doc), relay.prefix(doc))
      await reader.synced
      // y-websocket answers the first sync from a still empty document while LevelDB loads, then
      // sends the stored board as an update: the clock stops when the whole board is here.
      await wholeBoard(reader.doc)
      times.push(performance.now() - start)
      const received = receivedBytes(reader.doc)
      if (received !== BOARD_BYTES) console.log(`  (${name}: only ${received} of ${BOARD_BYTES} characters had been stored and came back)`)
      reader.close()
    } finally {
      await relay.stop()
    }
  }
  return times
}

export async function coldLoadFigure(): Promise<void> {
  const values: Record<string, number> = {}
  for (const name of RELAYS) values[name] = median(await measure(name))
  printFigure(`Cold load of a 16 MiB board after a restart, connect → whole board received (median of ${RUNS})`, 'ms', values)
}
