import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SESSION_ROOT } from '../../../../shared/src/doc/roots'
import { followAction } from '../../../../shared/src/session/follow'
import { DEFAULT_PHASE, PHASES, phaseHasTool, phaseInfo, ratingsAreOpen } from '../../../../shared/src/session/phases'
import { SESSION_KEYS } from '../../../../shared/src/session/sessionKeys'
import { DEFAULT_SESSION, readSession, readSessionValue, writeSessionValue } from '../../../../shared/src/session/sessionState'
import { startTimer } from '../../../../shared/src/session/timer'
import { openVotingRound } from '../../../../shared/src/session/votingRound'
import { seedBoardDoc } from '../../../../shared/src/templates'
import { translatorFor } from '../../../../shared/src/i18n'

describe('phases', () => {
  it('are the four co-production phases, in order, with their tools', () => {
    const t = translatorFor('en')
    expect(PHASES.map((p) => [p.number, t(`phases.${p.id}_label`), t(`phases.${p.id}_tagline`)])).toEqual([
      [1, 'Co-commission', 'Ideas and priorities'],
      [2, 'Co-design', 'Fill the template'],
      [3, 'Co-delivery', 'Who delivers each part'],
      [4, 'Co-assess', 'Rate the design'],
    ])
    expect(phaseInfo(3).id).toBe('co-delivery')
    expect(phaseHasTool(1, 'voting')).toBe(true)
    expect(phaseHasTool(4, 'rating')).toBe(true)
    expect(phaseHasTool(2, 'voting')).toBe(false)
    expect(phaseHasTool(1, 'rating')).toBe(false)
  })

  it('suggest ratings in phase 4 only, but the facilitator opens or closes them in any phase', () => {
    expect(ratingsAreOpen({ phase: 4, ratingsOpen: null })).toBe(true)
    expect(ratingsAreOpen({ phase: 2, ratingsOpen: null })).toBe(false)
    expect(ratingsAreOpen({ phase: 2, ratingsOpen: true })).toBe(true)
    expect(ratingsAreOpen({ phase: 4, ratingsOpen: false })).toBe(false)
  })
})

describe('readSession', () => {
  it('gives the defaults for an empty session map', () => {
    expect(readSession({})).toEqual(DEFAULT_SESSION)
    expect(DEFAULT_SESSION).toMatchObject({
      phase: DEFAULT_PHASE,
      voting: { status: 'closed', dotsPerPerson: 5, zoneIds: [], anonymous: false, roundId: null },
      timer: { status: 'idle' },
      targets: {},
      locks: {},
      follow: null,
      criteria: ['Relevance for students', 'Feasibility', 'Balance of theory and practice'],
    })
  })

  it('falls back to the default for each invalid value, keeping the valid ones', () => {
    const session = readSession({
      phase: 7,
      voting: 'open',
      timer: { status: 'running', durationMs: 1000 },
      targets: { totalHours: -3 },
      locks: { 'shape:z': true, 'shape:y': 1 },
      follow: { facilitatorId: 'f1' },
      criteria: 'Feasibility',
      rules: ['exam-weights-total-100'],
      ratingsOpen: 'yes',
      projectorView: { fit: 'zone' },
    })
    // Locks are read entry by entry: the malformed one is dropped, the well-formed one kept.
    expect(session).toEqual({ ...DEFAULT_SESSION, locks: { 'shape:z': true } })
    expect(readSessionValue({ phase: '2' }, 'phase')).toBe(1)
    expect(readSessionValue({ phase: 4 }, 'phase')).toBe(4)
    expect(readSessionValue({ ratingsOpen: false }, 'ratingsOpen')).toBe(false)
    expect(readSessionValue({ projectorView: { fit: 'zone', zoneId: 'shape:z' } }, 'projectorView')).toEqual({ fit: 'zone', zoneId: 'shape:z' })
    expect(readSessionValue({ projectorView: { fit: 'zone', zoneId: 'shape:z', extra: 1 } }, 'projectorView')).toEqual({ fit: 'board' })
  })

  it('reads the targets a template seeded', () => {
    const doc = new Y.Doc()
    seedBoardDoc(doc, { title: 'MSc', templateId: 'msc-public-services', at: 1 })
    expect(readSession(doc.getMap(SESSION_ROOT).toJSON()).targets).toEqual({ totalHours: 50 })
  })

})

describe('writeSessionValue', () => {
  it('writes each value as plain JSON that reads back the same', () => {
    const doc = new Y.Doc()
    const session = doc.getMap<unknown>(SESSION_ROOT)
    const timer = startTimer(60_000, 1_000)
    const voting = openVotingRound({ dotsPerPerson: 3, zoneIds: ['shape:z'] }, 'r1')
    writeSessionValue(session, 'phase', 2)
    writeSessionValue(session, 'timer', timer)
    writeSessionValue(session, 'voting', voting)
    writeSessionValue(session, 'targets', { totalHours: 48 })
    writeSessionValue(session, 'locks', { 'shape:z': true })
    writeSessionValue(session, 'follow', { facilitatorId: 'f1', requestId: 'q1', tableId: 't1' })
    writeSessionValue(session, 'criteria', ['Cost'])
    writeSessionValue(session, 'anonymous', true)
    writeSessionValue(session, 'ratingsOpen', true)
    writeSessionValue(session, 'projectorView', { fit: 'zone', zoneId: 'shape:z' })
    const levels = {
      drafting: { status: 'open', scope: { kind: 'zone', zoneId: 'shape:z' }, anonymous: true, roundId: 'd1' },
      tables: [
        { id: 't1', name: 'Table 1', colour: '#1f77b4' },
        { id: 't2', name: 'Table 2', colour: '#d62728' },
      ],
      seating: { p1: 't1' },
      tableEditing: true,
      tablePicking: false,
      budget: { status: 'open', scope: 'plenary', targetHours: 50, roundId: 'b1' },
      comparisonLinks: [['shape:a', 'shape:b']],
      participantsAdopt: true,
    } as const
    for (const [key, value] of Object.entries(levels)) writeSessionValue(session, key as keyof typeof levels, value as never)
    for (const value of session.values()) expect(value instanceof Y.AbstractType).toBe(false)
    expect(readSession(session.toJSON())).toEqual({
      phase: 2,
      timer,
      voting,
      targets: { totalHours: 48 },
      locks: { 'shape:z': true },
      follow: { facilitatorId: 'f1', requestId: 'q1', tableId: 't1' },
      criteria: ['Cost'],
      anonymous: true,
      ratingsOpen: true,
      projectorView: { fit: 'zone', zoneId: 'shape:z' },
      ...levels,
    })
    expect(Object.keys(session.toJSON()).sort()).toEqual(Object.values(SESSION_KEYS).filter((key) => key !== SESSION_KEYS.rules).sort())
  })

  it('refuses an invalid value with a message naming the key, and writes nothing', () => {
    const doc = new Y.Doc()
    const session = doc.getMap<unknown>(SESSION_ROOT)
    const bad: Array<[Parameters<typeof writeSessionValue>[1], unknown]> = [
      ['phase', 5],
      ['timer', { status: 'running', durationMs: 1000 }],
      ['voting', { ...openVotingRound({}, 'r1'), dotsPerPerson: 0 }],
      ['targets', { totalHours: 1.2 }],
      ['locks', { 'shape:a': false }],
      ['follow', { facilitatorId: '', requestId: 'q' }],
      ['criteria', [' Cost']],
      ['phase', undefined],
    ]
    for (const [key, value] of bad) {
      expect(() => writeSessionValue(session, key, value as never)).toThrow(`Invalid value for session "${key}"`)
    }
    expect(session.size).toBe(0)
  })

  it('two facilitator actions on different keys at once both survive', () => {
    const [laptop, tablet] = [new Y.Doc(), new Y.Doc()]
    writeSessionValue(laptop.getMap(SESSION_ROOT), 'phase', 4)
    writeSessionValue(tablet.getMap(SESSION_ROOT), 'timer', startTimer(60_000, 0))
    Y.applyUpdate(laptop, Y.encodeStateAsUpdate(tablet))
    Y.applyUpdate(tablet, Y.encodeStateAsUpdate(laptop))
    for (const doc of [laptop, tablet]) {
      const session = readSession(doc.getMap(SESSION_ROOT).toJSON())
      expect(session.phase).toBe(4)
      expect(session.timer.status).toBe('running')
    }
  })
})

describe('follow requests', () => {
  const request = { facilitatorId: 'f1', requestId: 'q2' }
  it('start following once per request, never one’s own', () => {
    expect(followAction(request, 'q1', 'p1', null)).toBe('follow')
    expect(followAction(request, 'q2', 'p1', null)).toBe('none')
    expect(followAction(request, null, 'f1', null)).toBe('none')
    expect(followAction(null, null, 'p1', null)).toBe('none')
  })

  it('bring one table: only the people seated at it follow; the others note the request and stay', () => {
    const table = { ...request, tableId: 't1' }
    expect(followAction(table, 'q1', 'p1', 't1')).toBe('follow')
    expect(followAction(table, 'q1', 'p2', 't2')).toBe('pass')
    expect(followAction(table, 'q1', 'p3', null)).toBe('pass')
    expect(followAction(table, 'q2', 'p1', 't1')).toBe('none')
  })
})
