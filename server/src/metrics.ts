import { loadOnce } from './lazy'
import type { BoardStorage } from './storage/storage'

// What the server counts, for GET /metrics. prom-client and Node's process metrics (promMetrics.ts)
// load with the first scrape: until then each update waits here, so an idle server, which updates
// little, never loads them (nor Node's event loop monitor, which wakes the process every 10 ms; the
// garbage collection and event loop figures count from that load). Past this many waiting updates
// they load anyway, to keep memory bounded.
export const MAX_WAITING_UPDATES = 1000

type PromMetrics = typeof import('./promMetrics')
let loaded: PromMetrics | null = null
const waiting: Array<(metrics: PromMetrics) => void> = []
// The process CPU counters count from here, as they did when prom-client loaded at start.
const processorTimeAtStart = process.cpuUsage()

/** The Prometheus metrics, loaded on first use with every update made until then. */
export const loadMetrics = loadOnce(async () => {
  const metrics = await import('./promMetrics')
  metrics.countProcessorTimeSince(processorTimeAtStart)
  for (const update of waiting.splice(0)) update(metrics)
  loaded = metrics
  return metrics
})

function record(update: (metrics: PromMetrics) => void): void {
  if (loaded) return update(loaded)
  waiting.push(update)
  // A failed load is tried again at the next update past the limit (or the next scrape).
  if (waiting.length >= MAX_WAITING_UPDATES) loadMetrics().catch(() => undefined)
}

/** tavolo_updates_total: document updates stored and relayed. */
export function countUpdates(count: number): void {
  record((metrics) => metrics.updatesCounter.inc(count))
}

/** tavolo_refused_writes_total{rule}: a write the relay's rules refused. */
export function countRefusedWrite(rule: string): void {
  record((metrics) => metrics.refusedWritesCounter.inc({ rule }))
}

/** tavolo_redis_lag_seconds: how old the last message from another instance was when it arrived. */
export function setRedisLag(seconds: number): void {
  record((metrics) => metrics.redisLagGauge.set(seconds))
}

/** The same storage with every operation timed into tavolo_storage_seconds (works for classes too). */
export function timedStorage(storage: BoardStorage): BoardStorage {
  return new Proxy(storage, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver)
      if (typeof value !== 'function' || typeof property !== 'string') return value
      return async (...args: unknown[]) => {
        const started = process.hrtime.bigint()
        try {
          return await value.apply(target, args)
        } finally {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9
          record((metrics) => metrics.storageSecondsHistogram.observe({ operation: property }, seconds))
        }
      }
    },
  })
}
