import { describe, expect, it } from 'vitest'
import type { T } from '@tldraw/validate'
import { MAX_BUDGET_HOURS } from '../../../../shared/src/levels/budgets'
import { CRITERION_MAX_LENGTH, DEFAULT_CRITERIA, storedCriteria } from '../../../../shared/src/session/criteria'
import { storedFollowRequest } from '../../../../shared/src/session/follow'
import { storedLocks, withLock } from '../../../../shared/src/session/locks'
import { storedPhase } from '../../../../shared/src/session/phases'
import { storedProjectorView } from '../../../../shared/src/session/projectorView'
import { DEFAULT_SESSION, readSessionValue, sessionWriteProblem } from '../../../../shared/src/session/sessionState'
import { storedTargets } from '../../../../shared/src/session/targets'
import { addMinutes, DEFAULT_TIMER, MAX_TIMER_MS, pauseTimer, startTimer, storedTimer } from '../../../../shared/src/session/timer'
import { DEFAULT_VOTING_ROUND, MAX_DOTS_PER_PERSON, openVotingRound, revealVotingRound, storedVotingRound } from '../../../../shared/src/session/votingRound'
import { MAX_ID_LENGTH, validateInput } from '../../../../shared/src/wire/validation'

// Each older session value (phase, voting, timer, targets, locks, follow, criteria, projector
// view) has one validator, which the readers, the UI's writers and the relay's session rule all
// use: these are its limits, as wide as the UI's and no wider.

const problem = (validator: T.Validatable<unknown>, value: unknown): string | null => {
  const read = validateInput(validator, value)
  return read.ok ? null : read.error
}
const longId = 'x'.repeat(MAX_ID_LENGTH + 1)

describe('session.phase', () => {
  it('takes 1 to 4', () => {
    for (const phase of [1, 2, 3, 4]) expect(problem(storedPhase, phase)).toBeNull()
    expect(problem(storedPhase, 0)).toMatch(/phase from 1 to 4, got 0/)
    expect(problem(storedPhase, 2.5)).toMatch(/got 2.5/)
    expect(problem(storedPhase, '2')).toMatch(/number/)
  })
})

describe('session.voting', () => {
  it('takes what the voting form opens: 1 to 50 whole dots, each zone once, a round id once opened', () => {
    const open = openVotingRound({ dotsPerPerson: MAX_DOTS_PER_PERSON, zoneIds: ['shape:z1', 'shape:z2'] }, 'r1')
    for (const round of [DEFAULT_VOTING_ROUND, open, revealVotingRound(open)]) expect(problem(storedVotingRound, round)).toBeNull()
    expect(problem(storedVotingRound, { ...open, dotsPerPerson: MAX_DOTS_PER_PERSON + 1 })).toMatch(/^"dotsPerPerson": .*1 to 50, got 51/)
    expect(problem(storedVotingRound, { ...open, dotsPerPerson: 0 })).toMatch(/got 0/)
    expect(problem(storedVotingRound, { ...open, dotsPerPerson: 2.5 })).toMatch(/whole number/)
    expect(problem(storedVotingRound, { ...open, zoneIds: ['shape:z1', 'shape:z1'] })).toMatch(/each zone id once/)
    expect(problem(storedVotingRound, { ...open, zoneIds: [longId] })).toMatch(/^"zoneIds\.0": expected an id of 1 to 64/)
    expect(problem(storedVotingRound, { ...open, roundId: null })).toMatch(/round id/)
    expect(problem(storedVotingRound, { ...revealVotingRound(open), roundId: null })).toMatch(/round id/)
    expect(problem(storedVotingRound, { ...open, status: 'paused' })).toMatch(/^"status"/)
  })
})

describe('session.timer', () => {
  it('takes durations and time left of 0 to 240 minutes, and an end on the server’s clock', () => {
    const running = startTimer(MAX_TIMER_MS, 1_000.5)
    for (const timer of [DEFAULT_TIMER, running, pauseTimer(running, 2_000), addMinutes(DEFAULT_TIMER, -10, 0), addMinutes(running, 10_000, 1_000)]) {
      expect(problem(storedTimer, timer)).toBeNull()
    }
    expect(problem(storedTimer, { status: 'idle', durationMs: -1 })).toMatch(/^"\(status = idle\)\.durationMs": expected 0 to 14400000 ms, got -1/)
    expect(problem(storedTimer, { status: 'idle', durationMs: MAX_TIMER_MS + 1 })).toMatch(/got 14400001/)
    expect(problem(storedTimer, { status: 'paused', durationMs: 60_000, remainingMs: -60_000 })).toMatch(/remainingMs": .*got -60000/)
    expect(problem(storedTimer, { status: 'running', durationMs: 60_000, endsAt: -1 })).toMatch(/endsAt": expected a time on the server's clock, got -1/)
    expect(problem(storedTimer, { status: 'running', durationMs: 60_000 })).toMatch(/endsAt/)
    expect(problem(storedTimer, { status: 'idle', durationMs: Number.NaN })).toMatch(/NaN/)
    expect(problem(storedTimer, { status: 'stopped', durationMs: 60_000 })).toMatch(/status/)
  })
})

describe('session.targets', () => {
  it('takes no total, or more than 0 and at most the largest budget target in steps of 0.5', () => {
    for (const targets of [{}, { totalHours: 0.5 }, { totalHours: 50 }, { totalHours: MAX_BUDGET_HOURS }]) expect(problem(storedTargets, targets)).toBeNull()
    expect(problem(storedTargets, { totalHours: 0 })).toMatch(/^"totalHours": expected more than 0 and at most 10000 hours in steps of 0.5, got 0/)
    expect(problem(storedTargets, { totalHours: MAX_BUDGET_HOURS + 0.5 })).toMatch(/got 10000.5/)
    expect(problem(storedTargets, { totalHours: 1.25 })).toMatch(/steps of 0.5/)
    expect(problem(storedTargets, [])).toMatch(/array/)
  })
})

describe('session.locks', () => {
  it('takes shape id → true', () => {
    expect(problem(storedLocks, withLock(withLock({}, 'shape:a', true), 'shape:b', true))).toBeNull()
    expect(problem(storedLocks, { 'shape:a': false })).toMatch(/^"shape:a": /)
    expect(problem(storedLocks, { '': true })).toMatch(/id of 1 to 64/)
    expect(problem(storedLocks, { [longId]: true })).toMatch(/id of 1 to 64/)
    expect(problem(storedLocks, ['shape:a'])).toMatch(/array/)
  })

  it('reads the well-formed entries of a stored map with a malformed one, and writes only well-formed maps', () => {
    const stored = { 'shape:a': true, 'shape:b': false, '': true, [longId]: true, 'shape:c': true }
    expect(readSessionValue({ locks: stored }, 'locks')).toEqual({ 'shape:a': true, 'shape:c': true })
    expect(readSessionValue({ locks: ['shape:a'] }, 'locks')).toEqual({})
    expect(readSessionValue({ locks: 'shape:a' }, 'locks')).toEqual({})
    expect(sessionWriteProblem('locks', stored)).toMatch(/^"shape:b": /)
  })
})

describe('session.follow', () => {
  it('takes none, or a facilitator, a request and maybe a table', () => {
    const request = { facilitatorId: 'f1', requestId: 'q1' }
    for (const follow of [null, request, { ...request, tableId: 't1' }]) expect(problem(storedFollowRequest, follow)).toBeNull()
    expect(problem(storedFollowRequest, { ...request, tableId: 'a/b' })).toMatch(/^"tableId": .*without "\/"/)
    expect(problem(storedFollowRequest, { ...request, requestId: longId })).toMatch(/^"requestId": .*1 to 64/)
    expect(problem(storedFollowRequest, { facilitatorId: 'f1' })).toMatch(/requestId/)
  })
})

describe('session.criteria', () => {
  it('takes names as the criteria editor cleans them, of 1 to 80 characters, each once', () => {
    expect(problem(storedCriteria, DEFAULT_CRITERIA)).toBeNull()
    expect(problem(storedCriteria, [])).toBeNull()
    expect(problem(storedCriteria, ['x'.repeat(CRITERION_MAX_LENGTH)])).toBeNull()
    expect(problem(storedCriteria, ['Cost', 'x'.repeat(10_000)])).toMatch(/^"1": expected a trimmed name of 1 to 80 characters, got 10000/)
    expect(problem(storedCriteria, [' Cost'])).toMatch(/trimmed/)
    expect(problem(storedCriteria, ['Fun  for all'])).toMatch(/trimmed/)
    expect(problem(storedCriteria, [''])).toMatch(/got 0/)
    expect(problem(storedCriteria, ['Cost', 'Cost'])).toMatch(/each criterion once/)
  })
})

describe('session.projectorView', () => {
  it('takes the board, the facilitator’s view, or one zone', () => {
    for (const view of [{ fit: 'board' }, { fit: 'facilitator' }, { fit: 'zone', zoneId: 'shape:z' }]) expect(problem(storedProjectorView, view)).toBeNull()
    expect(problem(storedProjectorView, { fit: 'zone' })).toMatch(/zoneId/)
    expect(problem(storedProjectorView, { fit: 'zone', zoneId: 'shape:z', extra: 1 })).toMatch(/extra/)
    expect(problem(storedProjectorView, { fit: 'wall' })).toMatch(/fit/)
  })
})

describe('the older session values as read and written', () => {
  it('read an absent or invalid value as its default, and name the field a refused write gets wrong', () => {
    expect(readSessionValue({}, 'timer')).toEqual(DEFAULT_TIMER)
    expect(readSessionValue({}, 'criteria')).toEqual(DEFAULT_CRITERIA)
    expect(readSessionValue({ criteria: ['Cost', 'x'.repeat(10_000)] }, 'criteria')).toEqual(DEFAULT_SESSION.criteria)
    expect(readSessionValue({ criteria: ['Cost'] }, 'criteria')).toEqual(['Cost'])
    expect(sessionWriteProblem('timer', { status: 'idle', durationMs: -5 })).toMatch(/^"\(status = idle\)\.durationMs": .*got -5/)
    expect(sessionWriteProblem('phase', 5)).toMatch(/phase from 1 to 4, got 5/)
    expect(sessionWriteProblem('ratingsOpen', 'yes')).toMatch(/boolean/)
    expect(sessionWriteProblem('ratingsOpen', null)).toBeNull()
    expect(sessionWriteProblem('targets', { totalHours: 40 })).toBeNull()
  })
})

describe('session keys', () => {
  it('take the template rules, each once; refuse a key without a validator, and let any key be removed', () => {
    expect(sessionWriteProblem('rules', ['content-hours-match-target', 'exam-weights-total-100'])).toBeNull()
    expect(sessionWriteProblem('rules', [])).toBeNull()
    expect(sessionWriteProblem('rules', ['exam-weights-total-100', 'exam-weights-total-100'])).toMatch(/each rule once/)
    expect(sessionWriteProblem('rules', ['no-such-rule'])).toMatch(/^"0": /)
    expect(sessionWriteProblem('notes', 'x')).toBe('is not a session key')
    expect(sessionWriteProblem('toString', 1)).toBe('is not a session key')
    expect(sessionWriteProblem('notes', undefined)).toBeNull()
  })
})
