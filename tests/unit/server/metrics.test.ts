import { beforeEach, describe, expect, it, vi } from 'vitest'

// Until the first scrape loads prom-client, the updates wait in server/src/metrics.ts. Each test
// starts from a fresh copy of the modules, with nothing loaded yet.
const freshMetrics = () => import('../../../server/src/metrics')

describe('the metrics, whose prom-client loads with the first scrape', () => {
  beforeEach(() => {
    vi.resetModules()
  })

  it('loads prom-client with every waiting update once too many wait, without a scrape', async () => {
    const { countRefusedWrite, MAX_WAITING_UPDATES } = await freshMetrics()
    for (let i = 0; i < MAX_WAITING_UPDATES; i++) countRefusedWrite('write-access')
    // Imported here only to read the counter: nothing but that load adds to it.
    const { refusedWritesCounter } = await import('../../../server/src/promMetrics')
    await vi.waitFor(async () => expect((await refusedWritesCounter.get()).values).toEqual([{ labels: { rule: 'write-access' }, value: MAX_WAITING_UPDATES }]))
  })

  it('counts in the process CPU counters the processor time used before prom-client loaded', async () => {
    const { loadMetrics } = await freshMetrics()
    // Processor time spent after the metrics module started and before the load (a loop on CPU time, not the clock).
    const before = process.cpuUsage()
    const used = () => {
      const { user, system } = process.cpuUsage(before)
      return (user + system) / 1e6
    }
    while (used() < 0.05) Math.sqrt(Math.random())
    const spent = used()
    const { metricsRegistry } = await loadMetrics()
    const [counted] = (await metricsRegistry.getSingleMetric('tavolo_process_cpu_seconds_total')!.get()).values
    expect(counted.value).toBeGreaterThanOrEqual(spent)
  })
})
