import fs from 'node:fs'
import { INSTANCES } from './fanout'
import { PROBE_DOCUMENT, firstAcceptedWebsocket, processorMs, RELAYS, residentBytes, startRelay, startTavoloInstances, type Document, type RelayName } from './servers'
import { median, printFigure } from './stats'

// Start: process start to the first websocket the relay accepts (on Tavolo, on an existing
// board of a data folder made beforehand), and the processor time the process used until then.
// Idle memory: resident set two seconds later. Then Tavolo again with PostgreSQL + Redis
// (DATABASE_URL, REDIS_URL), on a board stored there.

const RUNS = Number(process.env.BENCH_START_RUNS ?? 3)

interface Prepared {
  dataDir: string
  doc: Document
  env?: Record<string, string>
}

async function once(name: RelayName, prepared: Prepared | null): Promise<{ startMs: number; cpuMs: number; rssBytes: number }> {
  const probe = prepared?.doc ?? PROBE_DOCUMENT
  const relay = await startRelay(name, { dataDir: prepared?.dataDir, probe, env: prepared?.env })
  try {
    const startMs = performance.now() - relay.startedAt
    const cpuMs = processorMs(relay.pid)
    await firstAcceptedWebsocket(relay.documentUrl(probe))
    await new Promise((resolve) => setTimeout(resolve, 2000))
    return { startMs, cpuMs, rssBytes: residentBytes(relay.pid) }
  } finally {
    await relay.stop()
  }
}

export async function startupFigure(): Promise<void> {
  // A Tavolo data folder with one board; its server bundle is built by then.
  const first = await startRelay('Tavolo')
  const doc = await first.newDocument()
  await first.stop()
  const prepared = { dataDir: first.dataDir, doc }
  const start: Record<string, number> = {}
  const cpu: Record<string, number> = {}
  const rss: Record<string, number> = {}
  for (const name of RELAYS) {
    const runs = []
    for (let i = 0; i < RUNS; i++) runs.push(await once(name, name === 'Tavolo' ? prepared : null))
    start[name] = median(runs.map((r) => r.startMs))
    cpu[name] = median(runs.map((r) => r.cpuMs))
    rss[name] = median(runs.map((r) => r.rssBytes)) / 1024 / 1024
  }
  fs.rmSync(prepared.dataDir, { recursive: true, force: true })
  if (INSTANCES) {
    const cluster = await startTavoloInstances(1)
    try {
      const [instance] = cluster.instances
      const onPostgres = { dataDir: instance.dataDir, doc: await instance.newDocument(), env: cluster.env }
      await instance.stop()
      const runs = []
      for (let i = 0; i < RUNS; i++) runs.push(await once('Tavolo', onPostgres))
      start['Tavolo, PostgreSQL + Redis'] = median(runs.map((r) => r.startMs))
      cpu['Tavolo, PostgreSQL + Redis'] = median(runs.map((r) => r.cpuMs))
      rss['Tavolo, PostgreSQL + Redis'] = median(runs.map((r) => r.rssBytes)) / 1024 / 1024
    } finally {
      await cluster.stop()
    }
  }
  printFigure(`Start: process start → first accepted websocket (median of ${RUNS})`, 'ms', start)
  printFigure(`Start, processor time: user + system until the first accepted websocket (median of ${RUNS})`, 'ms', cpu)
  printFigure(`Idle memory: resident set 2 s after start (median of ${RUNS})`, 'MB', rss)
}
