import fs from 'node:fs'
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { PRESENCE_INTERVAL_MS } from '../../../shared/src/wire/presence'
import { joinBoardViaApi } from '../../support/server'
import { connectBenchClient, opened } from './client'
import { RELAYS, startRelay, type RelayName } from './servers'
import { median, printFigure } from './stats'

// Presence load: PEOPLE clients on one board each move their cursor every PRESENCE_INTERVAL_MS
// (as fast as Tavolo's client sends it) for SECONDS; the figure is the relay process's CPU time
// over that window (from /proc), so a relay that batches presence is not judged by its batching
// delay. Tavolo's clients are people (a person token each): the server stamps their presence.

const PEOPLE = Number(process.env.BENCH_PRESENCE_PEOPLE ?? 30)
const SECONDS = 10
const RUNS = Number(process.env.BENCH_PRESENCE_RUNS ?? 3)

/** User plus system CPU time of a process so far, in ms. */
function cpuMs(pid: number): number {
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  // Counted in clock ticks, USER_HZ: 100 a second on Linux.
  const ticksPerSecond = 100
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond
}

async function measure(name: RelayName): Promise<{ cpu: number; received: number }> {
  const relay = await startRelay(name)
  try {
    const doc = await relay.newDocument()
    const urls = await Promise.all(
      Array.from({ length: PEOPLE }, async (_, i) => {
        if (name !== 'Tavolo') return relay.documentUrl(doc)
        const person = await joinBoardViaApi(`http://127.0.0.1:${relay.port}`, doc.name, doc.readerKey, { name: `Person ${i}`, role: 'professional' })
        return `${relay.documentUrl(doc)}&p=${encodeURIComponent(person.token)}`
      }),
    )
    let received = 0
    const clients = urls.map((url) => connectBenchClient(url, relay.prefix(doc), { onAwareness: () => received++ }))
    await Promise.all(clients.map(async (client) => (await opened(client), await client.synced)))
    const awareness = clients.map((client) => new Awareness(client.doc))
    const before = cpuMs(relay.pid)
    received = 0
    const end = performance.now() + SECONDS * 1000
    for (let tick = 0; performance.now() < end; tick++) {
      clients.forEach((client, i) => {
        awareness[i].setLocalState({ presence: { cursor: { x: tick, y: i }, color: '#000' } })
        client.sendAwareness(encodeAwarenessUpdate(awareness[i], [client.doc.clientID]))
      })
      await new Promise((resolve) => setTimeout(resolve, PRESENCE_INTERVAL_MS))
    }
    const cpu = cpuMs(relay.pid) - before
    for (const state of awareness) state.destroy()
    for (const client of clients) client.close()
    return { cpu, received: received / PEOPLE / SECONDS }
  } finally {
    await relay.stop()
  }
}

export async function presenceFigure(): Promise<void> {
  const cpu: Record<string, number> = {}
  const received: string[] = []
  for (const name of RELAYS) {
    const runs = []
    for (let i = 0; i < RUNS; i++) runs.push(await measure(name))
    cpu[name] = median(runs.map((r) => r.cpu))
    received.push(`${name} ${median(runs.map((r) => r.received)).toFixed(0)}`)
  }
  printFigure(`Presence load: ${PEOPLE} people moving their cursor every ${PRESENCE_INTERVAL_MS} ms for ${SECONDS} s, relay CPU time (median of ${RUNS})`, 'ms', cpu)
  console.log(`  (presence messages each client received per second: ${received.join(' · ')})`)
}
