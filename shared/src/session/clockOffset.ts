// Each client estimates how far its clock is from the server's, NTP-style: it sends its time,
// the server answers with its own, and the server's time is assumed to be read half-way through
// the round trip. The error of one sample is at most half its round trip, so the sample with the
// smallest round trip is the best one.

export interface ClockSample {
  /** Client clock (ms) when the request was sent. */
  clientSentAt: number
  /** Server clock (ms) when it answered. */
  serverTime: number
  /** Client clock (ms) when the answer arrived. */
  clientReceivedAt: number
}

export interface ClockOffset {
  /** Add to the client's clock to get the server's. */
  offsetMs: number
  /** Round trip of the sample used: the estimate is within half of it. */
  roundTripMs: number
}

/** The offset from the best usable sample, or null when none is usable (keep the last estimate). */
export function estimateClockOffset(samples: readonly ClockSample[]): ClockOffset | null {
  let best: ClockOffset | null = null
  for (const sample of samples) {
    const { clientSentAt, serverTime, clientReceivedAt } = sample
    if (![clientSentAt, serverTime, clientReceivedAt].every(Number.isFinite)) continue
    const roundTripMs = clientReceivedAt - clientSentAt
    if (roundTripMs < 0) continue
    if (best === null || roundTripMs < best.roundTripMs) {
      best = { offsetMs: serverTime - (clientSentAt + clientReceivedAt) / 2, roundTripMs }
    }
  }
  return best
}

/** The server's clock now, from the client's clock and the estimated offset. */
export function serverNow(offsetMs: number, clientNow: number): number {
  return clientNow + offsetMs
}
