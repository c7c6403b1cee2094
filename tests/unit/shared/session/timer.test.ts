import { describe, expect, it } from 'vitest'
import { estimateClockOffset, serverNow, type ClockSample } from '../../../../shared/src/session/clockOffset'
import {
  addMinutes,
  DEFAULT_TIMER,
  formatRemaining,
  isTimeUp,
  MAX_TIMER_MS,
  pauseTimer,
  remainingMs,
  resetTimer,
  resumeTimer,
  startTimer,
} from '../../../../shared/src/session/timer'

const MIN = 60_000
const T0 = 1_800_000_000_000

describe('timer', () => {
  it('counts down from its start and never below zero', () => {
    const timer = startTimer(5 * MIN, T0)
    expect(timer).toEqual({ status: 'running', durationMs: 5 * MIN, endsAt: T0 + 5 * MIN })
    expect(remainingMs(timer, T0 + MIN)).toBe(4 * MIN)
    expect(remainingMs(timer, T0 + 6 * MIN)).toBe(0)
    expect(isTimeUp(timer, T0 + 5 * MIN - 1)).toBe(false)
    expect(isTimeUp(timer, T0 + 5 * MIN)).toBe(true)
  })

  it('pauses, keeps the time left while paused, and resumes from there', () => {
    const paused = pauseTimer(startTimer(5 * MIN, T0), T0 + 2 * MIN)
    expect(paused).toEqual({ status: 'paused', durationMs: 5 * MIN, remainingMs: 3 * MIN })
    expect(remainingMs(paused, T0 + 60 * MIN)).toBe(3 * MIN)
    expect(isTimeUp(paused, T0 + 60 * MIN)).toBe(false)
    const resumed = resumeTimer(paused, T0 + 10 * MIN)
    expect(resumed).toEqual({ status: 'running', durationMs: 5 * MIN, endsAt: T0 + 13 * MIN })
  })

  it('leaves a timer unchanged when pausing or resuming does not apply', () => {
    const running = startTimer(MIN, T0)
    expect(resumeTimer(running, T0 + 1)).toBe(running)
    expect(pauseTimer(DEFAULT_TIMER, T0)).toBe(DEFAULT_TIMER)
  })

  it('resets to idle with the same duration', () => {
    expect(resetTimer(pauseTimer(startTimer(7 * MIN, T0), T0 + MIN))).toEqual({ status: 'idle', durationMs: 7 * MIN })
    expect(remainingMs(resetTimer(startTimer(7 * MIN, T0)), T0 + 99 * MIN)).toBe(7 * MIN)
  })

  it('adds minutes to the time left, in every state, and takes them away down to zero', () => {
    const running = addMinutes(startTimer(5 * MIN, T0), 2, T0 + MIN)
    expect(running).toEqual({ status: 'running', durationMs: 7 * MIN, endsAt: T0 + 7 * MIN })
    expect(remainingMs(running, T0 + MIN)).toBe(6 * MIN)

    const paused = addMinutes(pauseTimer(startTimer(5 * MIN, T0), T0 + MIN), 1, T0 + 30 * MIN)
    expect(paused).toEqual({ status: 'paused', durationMs: 6 * MIN, remainingMs: 5 * MIN })

    expect(addMinutes(DEFAULT_TIMER, 3, T0)).toEqual({ status: 'idle', durationMs: DEFAULT_TIMER.durationMs + 3 * MIN })
    expect(remainingMs(addMinutes(startTimer(2 * MIN, T0), -5, T0), T0)).toBe(0)
    expect(remainingMs(addMinutes(DEFAULT_TIMER, 100_000, T0), T0)).toBe(MAX_TIMER_MS)
  })

  it('a timer that ran out can get more time and runs again', () => {
    const more = addMinutes(startTimer(MIN, T0), 1, T0 + 10 * MIN)
    expect(remainingMs(more, T0 + 10 * MIN)).toBe(MIN)
    expect(isTimeUp(more, T0 + 10 * MIN)).toBe(false)
  })

  it('refuses a duration or minutes that are not numbers, with a clear message', () => {
    expect(() => startTimer(0, T0)).toThrow(/duration/)
    expect(() => startTimer(Number.NaN, T0)).toThrow(/duration/)
    expect(() => startTimer(MAX_TIMER_MS + 1, T0)).toThrow(/240 minutes/)
    expect(() => addMinutes(DEFAULT_TIMER, Number.POSITIVE_INFINITY, T0)).toThrow(/Minutes/)
  })

  it('formats the time left rounding up to the second', () => {
    expect(formatRemaining(5 * MIN)).toBe('5:00')
    expect(formatRemaining(61_001)).toBe('1:02')
    expect(formatRemaining(1)).toBe('0:01')
    expect(formatRemaining(0)).toBe('0:00')
    expect(formatRemaining(-5)).toBe('0:00')
    expect(formatRemaining(3_600_000 + 5_000)).toBe('1:00:05')
  })

})

describe('clock offset', () => {
  it('takes the offset from the sample with the smallest round trip', () => {
    const samples: ClockSample[] = [
      { clientSentAt: 1000, serverTime: 5900, clientReceivedAt: 1800 }, // round trip 800
      { clientSentAt: 2000, serverTime: 7050, clientReceivedAt: 2100 }, // round trip 100: offset 5000
      { clientSentAt: 3000, serverTime: 8500, clientReceivedAt: 3400 }, // round trip 400
    ]
    expect(estimateClockOffset(samples)).toEqual({ offsetMs: 5000, roundTripMs: 100 })
    expect(serverNow(5000, 10_000)).toBe(15_000)
  })

  it('ignores unusable samples and says when it has no estimate', () => {
    expect(estimateClockOffset([])).toBeNull()
    expect(estimateClockOffset([{ clientSentAt: 10, serverTime: 50, clientReceivedAt: 5 }])).toBeNull()
    expect(
      estimateClockOffset([
        { clientSentAt: Number.NaN, serverTime: 0, clientReceivedAt: 0 },
        { clientSentAt: 0, serverTime: 100, clientReceivedAt: 20 },
      ]),
    ).toEqual({ offsetMs: 90, roundTripMs: 20 })
  })
})

/**
 * A simulated room: true time `t`; the server's clock reads t; each client's clock reads t + skew.
 * A client measures its offset by pinging the server over a network with uneven latencies.
 */
function clientWithSkew(skewMs: number, latencies: ReadonlyArray<[up: number, down: number]>, startAt: number) {
  const clock = (t: number) => t + skewMs
  let t = startAt
  const samples = latencies.map(([up, down]) => {
    const sample = { clientSentAt: clock(t), serverTime: t + up, clientReceivedAt: clock(t + up + down) }
    t += up + down + 1000
    return sample
  })
  const offset = estimateClockOffset(samples)
  if (!offset) throw new Error('no clock estimate')
  return { clock, serverNowAt: (trueTime: number) => serverNow(offset.offsetMs, clock(trueTime)) }
}

describe('clients with shifted clocks agree on the countdown', () => {
  // Uneven, sometimes lopsided latencies, as on a venue's wifi; each client sees a different mix.
  const facilitator = clientWithSkew(-2 * 60 * MIN, [[900, 40], [120, 130], [300, 20]], T0)
  const projector = clientWithSkew(3 * 60 * MIN + 17_345, [[50, 700], [220, 180], [35, 260]], T0)
  const participants = [-47_000, -1, 999, 86_400_000, -31_536_000_000].map((skew, i) =>
    clientWithSkew(skew, [[400 + i * 50, 30], [150, 200 + i * 10], [600, 600]], T0 + i),
  )
  const everyone = [facilitator, projector, ...participants]

  it('agree within a second at every moment, wherever their clocks are', () => {
    const startedAt = T0 + 10 * MIN
    let timer = startTimer(10 * MIN, facilitator.serverNowAt(startedAt))
    const check = (t: number) => {
      const shown = everyone.map((client) => remainingMs(timer, client.serverNowAt(t)))
      expect(Math.max(...shown) - Math.min(...shown)).toBeLessThan(1000)
    }
    for (const t of [startedAt, startedAt + 1234, startedAt + 5 * MIN + 17]) check(t)
    timer = pauseTimer(timer, facilitator.serverNowAt(startedAt + 6 * MIN))
    check(startedAt + 8 * MIN)
    timer = addMinutes(resumeTimer(timer, facilitator.serverNowAt(startedAt + 9 * MIN)), 2, facilitator.serverNowAt(startedAt + 9 * MIN))
    for (const t of [startedAt + 9 * MIN + 500, startedAt + 14 * MIN + 999]) check(t)
    // Everyone reaches zero together: 10 minutes, 3 of them paused, plus 2 added.
    const end = startedAt + 15 * MIN
    expect(everyone.filter((c) => isTimeUp(timer, c.serverNowAt(end - 1000))).length).toBe(0)
    expect(everyone.filter((c) => isTimeUp(timer, c.serverNowAt(end + 1000))).length).toBe(everyone.length)
  })

  it('would disagree by hours if clients used their own clocks (the test can fail)', () => {
    const timer = startTimer(10 * MIN, facilitator.serverNowAt(T0 + 10 * MIN))
    const naive = everyone.map((client) => remainingMs(timer, client.clock(T0 + 11 * MIN)))
    expect(Math.max(...naive) - Math.min(...naive)).toBeGreaterThan(1000)
  })
})
