// The parts only (promClientParts.d.ts): prom-client's index would load them all at start.
import Counter from 'prom-client/lib/counter'
import collectDefaultMetrics from 'prom-client/lib/defaultMetrics'
import Gauge from 'prom-client/lib/gauge'
import Histogram from 'prom-client/lib/histogram'
import Registry from 'prom-client/lib/registry'

// The process's Prometheus metrics, served at GET /metrics: loaded by metrics.ts with the first
// scrape (or once enough updates wait for them), so an idle server never loads prom-client.
export const metricsRegistry = new Registry()
collectDefaultMetrics({ register: metricsRegistry, prefix: 'tavolo_' })

export const connectionsGauge = new Gauge({
  name: 'tavolo_connections',
  help: 'Open websocket connections.',
  registers: [metricsRegistry],
})

export const boardsOpenGauge = new Gauge({
  name: 'tavolo_boards_open',
  help: 'Boards loaded in memory (a board is open while it has connections, and until it is stored).',
  registers: [metricsRegistry],
})

export const updatesCounter = new Counter({
  name: 'tavolo_updates_total',
  help: 'Document updates stored and relayed (rate() gives updates per second).',
  registers: [metricsRegistry],
})

/** Incremented by the relay's write rules, labelled with the rule that refused the write. */
export const refusedWritesCounter = new Counter({
  name: 'tavolo_refused_writes_total',
  help: 'Writes the relay refused, by rule.',
  labelNames: ['rule'] as const,
  registers: [metricsRegistry],
})

export const storageSecondsHistogram = new Histogram({
  name: 'tavolo_storage_seconds',
  help: 'Time taken by storage operations, by operation.',
  labelNames: ['operation'] as const,
  buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
  registers: [metricsRegistry],
})

/** Set by the Redis fan-out: how far behind the other instances' messages this one is. */
export const redisLagGauge = new Gauge({
  name: 'tavolo_redis_lag_seconds',
  help: 'Age of the last message received from another instance through Redis, when it arrived.',
  registers: [metricsRegistry],
})

/**
 * Adds the processor time used since `since` to the process CPU counters, which count from their
 * registration: loaded late, they then count from `since`, as when they were registered at start.
 */
export function countProcessorTimeSince(since: NodeJS.CpuUsage): void {
  const { user, system } = process.cpuUsage(since)
  for (const [name, micros] of [['user_', user], ['system_', system], ['', user + system]] as const) {
    ;(metricsRegistry.getSingleMetric(`tavolo_process_cpu_${name}seconds_total`) as Counter).inc(micros / 1e6)
  }
}
