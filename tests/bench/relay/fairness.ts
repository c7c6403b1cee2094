import { randomBytes } from 'node:crypto'
import * as Y from 'yjs'
import { SESSION_ROOT } from '../../../shared/src/doc/roots'
import { SESSION_KEYS } from '../../../shared/src/session/sessionKeys'
import { writeIdea } from '../../support/ideaCards'
import { SETTINGS } from '../../../server/src/config'
import { connectBenchClient, opened, type BenchClient } from './client'
import { startRelay, writerUrl, type Document, type RelayProcess } from './servers'
import { percentile } from './stats'

// Fairness (issue 9): the round trip of an honest edit on board B (writer → server → reader)
// while one editor floods board A just under its per-connection limits, as a ratio to the same
// round trip with nobody flooding. Tavolo only: the other relays have no such limits.

const SAMPLES = Number(process.env.BENCH_FAIRNESS_SAMPLES ?? 300)
const INTERVAL_MS = 50
// Just under the default limits (MAX_MESSAGES_PER_SECOND, MAX_BYTES_PER_SECOND): 90% of each,
// so the flood is at its connection's limit and never closed.
const defaultOf = (name: string) => Number(SETTINGS.find((setting) => setting.name === name)!.default)
const FLOOD_MESSAGES_PER_S = Math.floor(defaultOf('MAX_MESSAGES_PER_SECOND') * 0.9)
const FLOOD_MESSAGE_BYTES = Math.floor((defaultOf('MAX_BYTES_PER_SECOND') * 0.9) / FLOOD_MESSAGES_PER_S)

async function writer(relay: RelayProcess, doc: Document): Promise<{ client: BenchClient; ydoc: Y.Doc }> {
  const ydoc = new Y.Doc()
  const client = connectBenchClient(writerUrl(relay, doc), relay.prefix(doc), { doc: ydoc })
  await opened(client)
  await client.synced
  return { client, ydoc }
}

/** Round trips (ms) of SAMPLES small edits on `doc`, one every INTERVAL_MS. */
async function roundTrips(relay: RelayProcess, doc: Document): Promise<number[]> {
  const { client, ydoc } = await writer(relay, doc)
  const sentAt = new Map<number, number>()
  const times: number[] = []
  const reader = connectBenchClient(relay.documentUrl(doc), relay.prefix(doc), {
    applyUpdates: false,
    onUpdate: (update) => {
      const clock = Y.parseUpdateMeta(update).to.get(ydoc.clientID)
      const sent = clock === undefined ? undefined : sentAt.get(clock)
      if (sent !== undefined) times.push(performance.now() - sent)
    },
  })
  await reader.synced
  ydoc.on('update', (update: Uint8Array) => {
    sentAt.set(Y.parseUpdateMeta(update).to.get(ydoc.clientID)!, performance.now())
    client.sendUpdate(update)
  })
  // The honest writer is the facilitator, switching anonymous exports on and off.
  const map = ydoc.getMap(SESSION_ROOT)
  for (let i = 0; i < SAMPLES; i++) {
    map.set(SESSION_KEYS.anonymous, i % 2 === 0)
    await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS))
  }
  const deadline = Date.now() + 10_000
  while (times.length < SAMPLES && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
  client.close()
  reader.close()
  return times
}

/** Bytes of the update that writes an idea card with no text. */
function ideaRecordBytes(personId: string): number {
  const ydoc = new Y.Doc()
  let bytes = 0
  ydoc.on('update', (update: Uint8Array) => (bytes = update.byteLength))
  writeIdea(ydoc, personId, 'f0', '')
  return bytes
}

/** Floods `doc` at FLOOD_MESSAGES_PER_S until `stop` resolves; returns how the server closed it, if it did. */
async function flood(relay: RelayProcess, doc: Document, stop: Promise<void>): Promise<string | null> {
  const { client, ydoc } = await writer(relay, doc)
  let closed: string | null = null
  client.ws.on('close', (code, reason) => (closed = `${code} ${reason.toString()}`))
  ydoc.on('update', (update: Uint8Array) => client.sendUpdate(update))
  // Each message rewrites one of 50 idea cards: its text is what the card's record leaves of FLOOD_MESSAGE_BYTES.
  const textBytes = FLOOD_MESSAGE_BYTES - ideaRecordBytes(doc.writerPersonId)
  let done = false
  void stop.then(() => (done = true))
  const perTick = FLOOD_MESSAGES_PER_S / 100
  for (let i = 0, sent = 0; !done && closed === null; i++) {
    // Random text: a flood that compresses gives the server's deflated snapshots nothing to do.
    while (sent < (i + 1) * perTick) writeIdea(ydoc, doc.writerPersonId, `f${sent++ % 50}`, randomBytes(textBytes).toString('base64').slice(0, textBytes))
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  client.close()
  return closed
}

export async function fairnessFigure(): Promise<void> {
  const relay = await startRelay('Tavolo')
  try {
    const [boardA, boardB] = [await relay.newDocument(), await relay.newDocument()]
    const quiet = await roundTrips(relay, boardB)
    let stopFlood!: () => void
    const flooding = flood(relay, boardA, new Promise<void>((resolve) => (stopFlood = resolve)))
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const loaded = await roundTrips(relay, boardB)
    stopFlood()
    const closed = await flooding
    const row = (p: number) => {
      const q = percentile(quiet, p)
      const l = percentile(loaded, p)
      return `p${p} ${l.toFixed(1)} ms vs ${q.toFixed(1)} ms → ${(l / q).toFixed(2)}×`
    }
    console.log(
      `Fairness: an honest round trip on board B while one editor floods board A at ${FLOOD_MESSAGES_PER_S} × ${(FLOOD_MESSAGE_BYTES / 1024).toFixed(2)} KiB/s (vs no flood)\n` +
        `  ${row(50)} · ${row(95)} (n=${loaded.length}/${quiet.length})${closed ? ` — the flood was closed: ${closed}` : ''}`,
    )
  } finally {
    await relay.stop()
  }
}
