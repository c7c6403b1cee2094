import { monotonicMs } from '../../clock'
import { Refused, type RelayRule } from '../hooks'
import { CLOSE_POLICY_VIOLATION } from '../../../../shared/src/wire/closeCodes'

// One connection cannot take the server's time from every other board: each has a budget of
// messages and bytes per second (token buckets that allow short bursts), far above what a person
// editing ever sends. Checked as each message arrives, before it is queued.

/** How many seconds of the steady rate a connection may spend at once. */
export const BURST_SECONDS = 2

export class TokenBucket {
  private tokens: number
  private last: number

  constructor(
    private readonly perSecond: number,
    private readonly capacity: number,
    private readonly now: () => number = monotonicMs,
  ) {
    this.tokens = capacity
    this.last = now()
  }

  /** Takes `amount` tokens if there are that many; false (taking none) when there are not. */
  take(amount: number): boolean {
    const now = this.now()
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond)
    this.last = now
    if (this.tokens < amount) return false
    this.tokens -= amount
    return true
  }
}

export interface RateLimits {
  messagesPerSecond: number
  bytesPerSecond: number
  /** A full bucket always holds one message of this size on top of the burst. */
  maxMessageBytes: number
}

export function rateLimit(limits: RateLimits): RelayRule {
  const messages = new TokenBucket(limits.messagesPerSecond, limits.messagesPerSecond * BURST_SECONDS)
  const bytes = new TokenBucket(limits.bytesPerSecond, limits.bytesPerSecond * BURST_SECONDS + limits.maxMessageBytes)
  return {
    name: 'rate-limit',
    beforeHandleMessage(_peer, byteLength) {
      if (!messages.take(1)) {
        throw new Refused('rate-limit', `over ${limits.messagesPerSecond} messages per second`, CLOSE_POLICY_VIOLATION)
      }
      if (!bytes.take(byteLength)) {
        throw new Refused('rate-limit', `over ${limits.bytesPerSecond} bytes per second`, CLOSE_POLICY_VIOLATION)
      }
    },
  }
}
