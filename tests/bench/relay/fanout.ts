import * as Y from 'yjs'
import { SESSION_ROOT } from '../../../shared/src/doc/roots'
import { SESSION_KEYS } from '../../../shared/src/session/sessionKeys'
import { connectBenchClient, opened } from './client'
import { RELAYS, startRelay, startTavoloInstances, writerUrl, type RelayProcess } from './servers'
import { percentile, printFigure } from './stats'

// Fan-out: one writer making UPDATES small edits at RATE_PER_S, N receivers; latency from the
// writer's send to each receiver's arrival. Every relay stores (Tavolo before relaying; the
// others on their own schedule). Then Tavolo again as two instances sharing PostgreSQL and
// Redis: the writer on the first, the receivers split between both.

const UPDATES = Number(process.env.BENCH_FANOUT_UPDATES ?? 1000)
const WARM_UP = 50
const RATE_PER_S = 100
/** The name two-instance figures carry; BENCH_INSTANCES=0 leaves them out (no PostgreSQL or Redis here). */
export const INSTANCES = process.env.BENCH_INSTANCES === '0' ? null : 'Tavolo, 2 instances over PostgreSQL + Redis'

async function measure(name: string, relays: readonly RelayProcess[], receivers: number): Promise<number[]> {
  const [relay] = relays
  const doc = await relay.newDocument()
  const latencies: number[] = []
  const sentAt = new Map<number, number>()
  const writerDoc = new Y.Doc()
  const readers = Array.from({ length: receivers }, (_, i) =>
    connectBenchClient(relays[i % relays.length].documentUrl(doc), relay.prefix(doc), {
      applyUpdates: false,
      onUpdate: (update) => {
        const at = performance.now()
        // Another instance may relay several of the writer's updates merged into one: each counts.
        const { from, to } = Y.parseUpdateMeta(update)
        for (let clock = (from.get(writerDoc.clientID) ?? 0) + 1; clock <= (to.get(writerDoc.clientID) ?? 0); clock++) {
          const sent = sentAt.get(clock)
          if (sent !== undefined && clock > WARM_UP) latencies.push(at - sent)
        }
      },
    }),
  )
  await Promise.all(readers.map((r) => r.synced))
  const writer = connectBenchClient(writerUrl(relay, doc), relay.prefix(doc), { doc: writerDoc })
  await opened(writer)
  await writer.synced
  writerDoc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'bench') return
    sentAt.set(Y.parseUpdateMeta(update).to.get(writerDoc.clientID)!, performance.now())
    writer.sendUpdate(update)
  })
  // Tavolo takes only the document format's roots and session keys, each with a valid value: the
  // writer is the facilitator, switching anonymous exports on and off.
  const map = writerDoc.getMap(SESSION_ROOT)
  for (let i = 1; i <= UPDATES; i++) {
    writerDoc.transact(() => map.set(SESSION_KEYS.anonymous, i % 2 === 0), 'bench')
    await new Promise((resolve) => setTimeout(resolve, 1000 / RATE_PER_S))
  }
  const expected = (UPDATES - WARM_UP) * receivers
  const deadline = Date.now() + 10_000
  while (latencies.length < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
  if (latencies.length < expected) console.log(`  (${name}: ${expected - latencies.length} of ${expected} deliveries missing)`)
  for (const client of [...readers, writer]) client.close()
  return latencies
}

export async function fanoutFigure(receiverCounts: readonly number[] = [100, 200]): Promise<void> {
  for (const receivers of receiverCounts) {
    const p50: Record<string, number> = {}
    const p99: Record<string, number> = {}
    const record = (name: string, latencies: number[]) => {
      p50[name] = percentile(latencies, 50)
      p99[name] = percentile(latencies, 99)
    }
    for (const name of RELAYS) {
      const relay = await startRelay(name)
      try {
        record(name, await measure(name, [relay], receivers))
      } finally {
        await relay.stop()
      }
    }
    if (INSTANCES) {
      const cluster = await startTavoloInstances(2)
      try {
        record(INSTANCES, await measure(INSTANCES, cluster.instances, receivers))
      } finally {
        await cluster.stop()
      }
    }
    const what = `Fan-out, 1 writer at ${RATE_PER_S}/s, ${UPDATES} updates, ${receivers} receivers`
    printFigure(`${what}: p50`, 'ms', p50)
    printFigure(`${what}: p99`, 'ms', p99)
  }
}
