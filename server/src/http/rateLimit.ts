// Requests per client address in a sliding one-minute window: cheap calls that make the server
// keep something (a board, an import, a person) must not be repeatable without bound.

const WINDOW_MS = 60_000
// Past this many tracked addresses, addresses with no request in the window are forgotten.
const SWEEP_AT_ADDRESSES = 10_000

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }

export class AddressRateLimit {
  private readonly recent = new Map<string, number[]>()

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request from `address` when it is within the limit. */
  take(address: string): RateDecision {
    const now = this.now()
    if (this.recent.size > SWEEP_AT_ADDRESSES) this.sweep(now)
    const times = (this.recent.get(address) ?? []).filter((time) => time > now - WINDOW_MS)
    if (times.length >= this.perMinute) {
      this.recent.set(address, times)
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((times[0] + WINDOW_MS - now) / 1000)) }
    }
    times.push(now)
    this.recent.set(address, times)
    return { allowed: true }
  }

  private sweep(now: number): void {
    for (const [address, times] of this.recent) {
      if (times[times.length - 1] <= now - WINDOW_MS) this.recent.delete(address)
    }
  }
}
