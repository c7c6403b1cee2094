import * as Y from 'yjs'
import { SESSION_ROOT } from '../../../shared/src/doc/roots'
import { SESSION_KEYS } from '../../../shared/src/session/sessionKeys'
import { connectBenchClient, opened } from './client'
import { RELAYS, pinBenchAwayFromRelay, startRelay, startTavoloInstances, writerUrl, type RelayProcess } from './servers'
import { percentile, printFigure } from './stats'

// Fan-out: one writer making UPDATES small edits at RATE_PER_S, N receivers; latency from the
// writer's send to each receiver's arrival. Every relay stores (Tavolo before relaying; the
// others on their own schedule). Then Tavolo again as two instances sharing PostgreSQL and
// Redis: the writer on the first, the receivers split between both.
// The relays take turns for ROUNDS rounds, each a fresh process, and each relay's deliveries are
// pooled over its rounds: on a shared machine one run's p50 moves by more than the relays differ,
// and turns spread a slow minute over all of them.

const UPDATES = Number(process.env.BENCH_FANOUT_UPDATES ?? 1000)
const ROUNDS = Number(process.env.BENCH_FANOUT_ROUNDS ?? 3)
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
  const relayCpu = pinBenchAwayFromRelay()
  for (const receivers of receiverCounts) {
    const pooled: Record<string, number[]> = {}
    const rounds: Record<string, number>[] = []
    const run = async (name: string, relays: RelayProcess[], stop: () => Promise<void>) => {
      try {
        const latencies = await measure(name, relays, receivers)
        pooled[name] = (pooled[name] ?? []).concat(latencies)
        rounds.at(-1)![name] = percentile(latencies, 50)
      } finally {
        await stop()
      }
    }
    for (let round = 0; round < ROUNDS; round++) {
      rounds.push({})
      for (const name of RELAYS) {
        const relay = await startRelay(name, { cpu: relayCpu })
        await run(name, [relay], () => relay.stop())
      }
      if (INSTANCES) {
        const cluster = await startTavoloInstances(2)
        await run(INSTANCES, cluster.instances, () => cluster.stop())
      }
    }
    const at = (p: number) => Object.fromEntries(Object.entries(pooled).map(([name, latencies]) => [name, percentile(latencies, p)]))
    const what = `Fan-out, 1 writer at ${RATE_PER_S}/s, ${UPDATES} updates, ${receivers} receivers, ${ROUNDS} rounds${relayCpu === undefined ? '' : ', relay pinned to its own CPU'}`
    printFigure(`${what}: p50`, 'ms', at(50))
    printFigure(`${what}: p99`, 'ms', at(99))
    const ratios = rounds.map((round) => round.Tavolo / Math.min(...Object.entries(round).filter(([name]) => !name.startsWith('Tavolo')).map(([, p50]) => p50)))
    if (RELAYS.length > 1) console.log(`  Tavolo / best peer, p50 of each round: ${ratios.map((ratio) => `${ratio.toFixed(2)}×`).join(', ')}`)
  }
}
