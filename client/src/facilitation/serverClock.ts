import { useState } from 'react'
import { getServerTime } from '../api'
import { useCancellableEffect } from '../ui/useCancellableEffect'
import { estimateClockOffset, type ClockSample } from '../../../shared/src/session/clockOffset'

// The workshop timer runs on the server's clock: each client measures how far its own clock is
// from it with a few quick samples at load, then again now and then (laptops drift, sleep).

const SAMPLES_PER_ESTIMATE = 5
const RESAMPLE_EVERY_MS = 60_000

async function sampleServerClock(signal?: AbortSignal): Promise<ClockSample | null> {
  const clientSentAt = Date.now()
  try {
    const { now } = await getServerTime(signal)
    return typeof now === 'number' ? { clientSentAt, serverTime: now, clientReceivedAt: Date.now() } : null
  } catch {
    return null
  }
}

/** Samples the server clock one request after another (parallel requests would queue and skew). */
export async function measureClockOffset(signal?: AbortSignal, count = SAMPLES_PER_ESTIMATE): Promise<number | null> {
  const samples: ClockSample[] = []
  for (let i = 0; i < count && !signal?.aborted; i++) {
    const sample = await sampleServerClock(signal)
    if (sample) samples.push(sample)
  }
  return estimateClockOffset(samples)?.offsetMs ?? null
}

/** Milliseconds to add to Date.now() to get the server's time; 0 until first measured. */
export function useServerClockOffset(): number {
  const [offsetMs, setOffsetMs] = useState(0)
  useCancellableEffect((signal) => {
    const measure = () =>
      void measureClockOffset(signal).then((offset) => {
        // An unreachable server keeps the last estimate.
        if (!signal.aborted && offset !== null) setOffsetMs(offset)
      })
    measure()
    const interval = window.setInterval(measure, RESAMPLE_EVERY_MS)
    return () => window.clearInterval(interval)
  }, [])
  return offsetMs
}
