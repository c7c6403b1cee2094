import { T } from '@tldraw/validate'

// The workshop countdown. Times are on the server's clock (see clockOffset.ts): a running timer
// stores when it ends, not how long is left, so every client computes the same remaining time
// from its own estimate of the server's clock and no one has to write every second.

export type TimerState =
  | { status: 'idle'; durationMs: number }
  | { status: 'running'; durationMs: number; endsAt: number }
  | { status: 'paused'; durationMs: number; remainingMs: number }

const MINUTE_MS = 60_000
/** Longer than any workshop activity: a guard against typos such as 500 minutes. */
export const MAX_TIMER_MS = 4 * 60 * MINUTE_MS

export const DEFAULT_TIMER: TimerState = { status: 'idle', durationMs: 5 * MINUTE_MS }

/** Starts a countdown of `durationMs` from the server time `serverNow`. */
export function startTimer(durationMs: number, serverNow: number): TimerState {
  if (!isDuration(durationMs) || durationMs === 0) {
    throw new Error(`A timer needs a duration between 1 ms and ${MAX_TIMER_MS / MINUTE_MS} minutes, got ${durationMs}`)
  }
  return { status: 'running', durationMs, endsAt: serverNow + durationMs }
}

/** A running timer stops where it is; any other timer is returned unchanged. */
export function pauseTimer(timer: TimerState, serverNow: number): TimerState {
  if (timer.status !== 'running') return timer
  return { status: 'paused', durationMs: timer.durationMs, remainingMs: remainingMs(timer, serverNow) }
}

/** A paused timer runs on from where it stopped; any other timer is returned unchanged. */
export function resumeTimer(timer: TimerState, serverNow: number): TimerState {
  if (timer.status !== 'paused') return timer
  return { status: 'running', durationMs: timer.durationMs, endsAt: serverNow + timer.remainingMs }
}

/** Back to idle with the last duration, ready to start again. */
export function resetTimer(timer: TimerState): TimerState {
  return { status: 'idle', durationMs: timer.durationMs }
}

/**
 * Adds (or, with a negative number, takes away) minutes: to the time left when running or
 * paused, to the duration when idle. Time left never goes below zero nor above MAX_TIMER_MS.
 */
export function addMinutes(timer: TimerState, minutes: number, serverNow: number): TimerState {
  if (!Number.isFinite(minutes)) throw new Error(`Minutes to add must be a number, got ${minutes}`)
  const left = remainingMs(timer, serverNow)
  const next = clampDuration(left + minutes * MINUTE_MS)
  // The duration grows with the time left, so a progress ring stays proportionate.
  const durationMs = clampDuration(timer.durationMs + next - left)
  switch (timer.status) {
    case 'idle':
      return { status: 'idle', durationMs: next }
    case 'paused':
      return { status: 'paused', durationMs, remainingMs: next }
    case 'running':
      return { status: 'running', durationMs, endsAt: serverNow + next }
  }
}

/** Milliseconds left at server time `serverNow`: the duration when idle, never below zero. */
export function remainingMs(timer: TimerState, serverNow: number): number {
  switch (timer.status) {
    case 'idle':
      return timer.durationMs
    case 'paused':
      return timer.remainingMs
    case 'running':
      return Math.max(0, timer.endsAt - serverNow)
  }
}

/** A running timer that has reached zero: time for the visual cue, sound and announcement. */
export function isTimeUp(timer: TimerState, serverNow: number): boolean {
  return timer.status === 'running' && remainingMs(timer, serverNow) === 0
}

/** "m:ss" (or "h:mm:ss"), rounding up so the display shows 0:00 only when time is really up. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000)
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = String(total % 60).padStart(2, '0')
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`
}

const storedDuration = T.number.check((ms) => {
  if (!isDuration(ms)) throw new T.ValidationError(`Expected 0 to ${MAX_TIMER_MS} ms, got ${ms}`)
})

const serverTime = T.number.check((at) => {
  if (at < 0) throw new T.ValidationError(`Expected a time on the server's clock, got ${at}`)
})

/** `session.timer`: durations and time left within 0 to MAX_TIMER_MS, an end on the server's clock. */
export const storedTimer: T.Validator<TimerState> = T.union('status', {
  idle: T.object({ status: T.literal('idle'), durationMs: storedDuration }),
  running: T.object({ status: T.literal('running'), durationMs: storedDuration, endsAt: serverTime }),
  paused: T.object({ status: T.literal('paused'), durationMs: storedDuration, remainingMs: storedDuration }),
})

function isDuration(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_TIMER_MS
}

function clampDuration(ms: number): number {
  return Math.min(MAX_TIMER_MS, Math.max(0, Math.round(ms)))
}
