import { describe, expect, it } from 'vitest'
import { AddressRateLimit } from '../../../../server/src/http/rateLimit'

describe('AddressRateLimit', () => {
  it('allows the limit per address in any minute and says when the next request is allowed', () => {
    let now = 1_000_000
    const limit = new AddressRateLimit(2, () => now)
    expect(limit.take('a')).toEqual({ allowed: true })
    now += 10_000
    expect(limit.take('a')).toEqual({ allowed: true })
    expect(limit.take('b')).toEqual({ allowed: true })
    now += 5_000
    expect(limit.take('a')).toEqual({ allowed: false, retryAfterSeconds: 45 })
    now += 45_000
    expect(limit.take('a')).toEqual({ allowed: true })
    expect(limit.take('a')).toEqual({ allowed: false, retryAfterSeconds: 10 })
  })

  it('does not count refused requests', () => {
    let now = 0
    const limit = new AddressRateLimit(1, () => now)
    limit.take('a')
    for (let i = 0; i < 100; i++) limit.take('a')
    now += 60_001
    expect(limit.take('a')).toEqual({ allowed: true })
  })
})
