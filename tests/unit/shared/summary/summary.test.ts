import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readBoardDoc } from '../../../../shared/src/doc/readBoardDoc'
import { BUDGETS_ROOT, PEOPLE_ROOT, RATINGS_ROOT, SEAT_PICKS_ROOT, VOTES_ROOT } from '../../../../shared/src/doc/roots'
import { computeSummary, type SummaryInput } from '../../../../shared/src/summary'
import { seedBoardDoc } from '../../../../shared/src/templates'

// Hand-built boards: plain records as a client would store them, with only what the summary reads.

type Fields = { x?: number; y?: number; parentId?: string; rotation?: number; by?: string; editedBy?: string }

function zone(id: string, title: string, accepts: string[], x: number, y: number, w: number, h: number, rotation = 0) {
  return { typeName: 'shape', id, type: 'tavolo-zone', parentId: 'page:page', index: 'a1', x, y, rotation, props: { w, h, title, accepts }, meta: {} }
}

function card(id: string, type: string, props: Record<string, unknown>, f: Fields = {}) {
  return {
    typeName: 'shape',
    id,
    type,
    parentId: f.parentId ?? 'page:page',
    index: 'a1',
    x: f.x ?? 0,
    y: f.y ?? 0,
    rotation: f.rotation ?? 0,
    props: { w: 200, h: 100, ...props },
    meta: f.by ? { createdBy: f.by, createdAt: 1, lastEditedBy: f.editedBy ?? f.by, lastEditedAt: 2 } : {},
  }
}

const content = (id: string, hours: unknown, f?: Fields, title = id) => card(id, 'tavolo-content', { title, description: '', hours, deliveredBy: 'unset' }, f)
const format = (id: string, kind: unknown, hours: unknown, f?: Fields) => card(id, 'tavolo-format', { kind, hours, notes: '' }, f)
const exam = (id: string, timing: unknown, weight: unknown, f?: Fields) => card(id, 'tavolo-exam', { timing, form: 'written', weight, notes: '' }, f)
const idea = (id: string, f?: Fields) => card(id, 'tavolo-idea', { text: 'an idea' }, f)

// The MSc layout by hand: zones side by side, 1000 × 1000 each.
const CONTENTS = zone('shape:contents', 'Contents', ['tavolo-content'], 0, 0, 1000, 1000)
const FORMATS = zone('shape:formats', 'Lecture formats', ['tavolo-format'], 1100, 0, 1000, 1000)
const EXAMS = zone('shape:exams', 'Exams', ['tavolo-exam'], 2200, 0, 1000, 1000)
const inContents = { parentId: CONTENTS.id, x: 50, y: 50 }
const inFormats = { parentId: FORMATS.id, x: 50, y: 50 }
const inExams = { parentId: EXAMS.id, x: 50, y: 50 }
const session = { targets: { totalHours: 50 }, rules: ['content-hours-match-target', 'format-hours-match-target', 'exam-weights-total-100'] }

function summarise(records: unknown[], extra: Partial<SummaryInput> = {}) {
  return computeSummary({ records, people: {}, session, ...extra })
}

const messages = (records: unknown[], extra?: Partial<SummaryInput>) => summarise(records, extra).warnings.map((w) => w.message)

describe('computeSummary', () => {
  it('handles an empty board', () => {
    const summary = computeSummary({ records: [], people: {} })
    expect(summary.contentHours).toEqual({ total: 0, target: null, cardIds: [] })
    expect(summary.examWeights).toEqual({ total: 0, ongoing: 0, final: 0, cardIds: [] })
    expect(summary.zones).toEqual([])
    expect(summary.cardCount).toBe(0)
    expect(summary.warnings).toEqual([])
  })

  it('totals content hours against the target, with the cards concerned', () => {
    const records = [CONTENTS, content('shape:a', 20, inContents), content('shape:b', 20, inContents), content('shape:c', 16, inContents)]
    const summary = summarise(records)
    expect(summary.contentHours).toEqual({ total: 56, target: 50, cardIds: ['shape:a', 'shape:b', 'shape:c'] })
    expect(summary.warnings).toContainEqual({
      code: 'content-hours',
      message: 'Contents take 56 h of 50 h — 6 h too many',
      cardIds: ['shape:a', 'shape:b', 'shape:c'],
    })
    expect(messages([CONTENTS, content('shape:a', 12.5, inContents)])).toContain('Contents take 12.5 h of 50 h — 37.5 h to plan')
    expect(messages([CONTENTS, content('shape:a', 50, inContents)])).toEqual([])
  })

  it('breaks format hours down by kind and compares them with the same target', () => {
    const records = [FORMATS, format('shape:f1', 'lecture', 30, inFormats), format('shape:f2', 'workshop', 6, inFormats), format('shape:f3', 'lecture', 4, inFormats)]
    const summary = summarise(records)
    expect(summary.formatHours.total).toBe(40)
    expect(summary.formatHours.byKind).toMatchObject({ lecture: 34, workshop: 6, seminar: 0, 'case-study': 0 })
    expect(summary.warnings).toEqual([
      { code: 'format-hours', message: 'Lecture formats take 40 h of 50 h — 10 h to plan', cardIds: ['shape:f1', 'shape:f2', 'shape:f3'] },
    ])
  })

  it('adds up exam weights, split ongoing vs final', () => {
    const records = [EXAMS, exam('shape:e1', 'ongoing', 30, inExams), exam('shape:e2', 'final', 60, inExams)]
    const summary = summarise(records)
    expect(summary.examWeights).toEqual({ total: 90, ongoing: 30, final: 60, cardIds: ['shape:e1', 'shape:e2'] })
    expect(summary.warnings).toEqual([
      { code: 'exam-weights', message: 'Exam weights add up to 90 % — 10 % to assign', cardIds: ['shape:e1', 'shape:e2'] },
    ])
    expect(messages([EXAMS, exam('shape:e1', 'final', 70, inExams), exam('shape:e2', 'final', 40, inExams)])).toEqual([
      'Exam weights add up to 110 % — 10 % too much',
    ])
    expect(messages([EXAMS])).toEqual(['Exam weights add up to 0 % — 100 % to assign'])
  })

  it('counts the cards of each zone', () => {
    const records = [CONTENTS, EXAMS, content('shape:a', 2, inContents), idea('shape:i', inContents), exam('shape:e', 'final', 100, inExams)]
    const [contents, exams] = summarise(records).zones
    expect(contents).toEqual({ zoneId: CONTENTS.id, title: 'Contents', accepts: ['tavolo-content'], cardIds: ['shape:a', 'shape:i'], countedCardIds: ['shape:a'] })
    expect(exams.cardIds).toEqual(['shape:e'])
  })

  it('does not count cards outside every zone, and names them', () => {
    const records = [CONTENTS, content('shape:in', 10, inContents), content('shape:out', 10, { x: 5000, y: 5000 }), idea('shape:idea', { x: 5000 })]
    const summary = summarise(records)
    expect(summary.contentHours.total).toBe(10)
    expect(summary.cardsOutsideZones).toEqual(['shape:out', 'shape:idea'])
    // Idea cards may sit anywhere: only the content card is worth a warning.
    expect(summary.warnings).toContainEqual({ code: 'card-outside-zones', message: '1 card is outside every zone and not counted', cardIds: ['shape:out'] })
  })

  it('does not warn about cards outside zones on a board without zones', () => {
    expect(computeSummary({ records: [content('shape:a', 3), exam('shape:e', 'final', 20)], people: {} }).warnings).toEqual([])
  })

  it('changes the totals when a card moves out of a zone or into one', () => {
    const a = content('shape:a', 20, inContents)
    const b = content('shape:b', 10, inContents)
    expect(summarise([CONTENTS, a, b]).contentHours.total).toBe(30)
    // Dragged out but still parented to the zone: its zone-relative position lies outside.
    const draggedOut = { ...b, x: 1200 }
    expect(summarise([CONTENTS, a, draggedOut]).contentHours.total).toBe(20)
    expect(messages([CONTENTS, a, draggedOut])).toContain('Contents take 20 h of 50 h — 30 h to plan')
    // Dropped on the page, over the Contents zone.
    const dropped = content('shape:c', 10, { x: 400, y: 400 })
    expect(summarise([CONTENTS, a, dropped]).contentHours.cardIds).toEqual(['shape:a', 'shape:c'])
  })

  it('reads zone-relative positions of children through their parent, rotation included', () => {
    const farZone = zone('shape:far', 'Contents', ['tavolo-content'], 3000, 0, 500, 500)
    const child = content('shape:child', 5, { parentId: farZone.id, x: 10, y: 10 })
    const onPage = content('shape:page', 5, { x: 10, y: 10 })
    expect(summarise([farZone, child, onPage]).contentHours.cardIds).toEqual(['shape:child'])
    // A zone turned a quarter turn about its top-left corner covers x from -500 to 0.
    const turned = zone('shape:turned', 'Contents', ['tavolo-content'], 0, 0, 500, 500, Math.PI / 2)
    expect(summarise([turned, content('shape:left', 5, { x: -300, y: 100 })]).contentHours.cardIds).toEqual(['shape:left'])
    expect(summarise([turned, content('shape:right', 5, { x: 100, y: 100 })]).contentHours.cardIds).toEqual([])
  })

  it('gives a card in overlapping zones to the smallest one, and equal ones to the smaller id', () => {
    const big = zone('shape:big', 'Contents', ['tavolo-content'], 0, 0, 1000, 1000)
    const small = zone('shape:small', 'Parking lot', ['tavolo-idea'], 100, 100, 400, 400)
    const records = [big, small, content('shape:a', 8, { x: 200, y: 200 }), content('shape:b', 4, { x: 700, y: 700 })]
    const summary = summarise(records)
    expect(summary.contentHours.cardIds).toEqual(['shape:b'])
    expect(summary.zones.map((z) => z.cardIds)).toEqual([['shape:b'], ['shape:a']])
    expect(summary.warnings).toContainEqual({
      code: 'card-in-wrong-zone',
      message: '1 card in “Parking lot” is not counted: it takes idea cards',
      cardIds: ['shape:a'],
    })
    const twinA = zone('shape:twin-a', 'A', ['tavolo-content'], 0, 0, 500, 500)
    const twinB = zone('shape:twin-b', 'B', ['tavolo-exam'], 0, 0, 500, 500)
    const both = [twinB, twinA, content('shape:c', 3, { x: 100, y: 100 })]
    expect(summarise(both).zones.find((z) => z.zoneId === 'shape:twin-a')!.countedCardIds).toEqual(['shape:c'])
  })

  it('warns about cards of the wrong type in a zone, except ideas', () => {
    const records = [CONTENTS, content('shape:a', 50, inContents), exam('shape:e1', 'final', 10, inContents), format('shape:f', 'seminar', 2, inContents), idea('shape:i', inContents)]
    expect(summarise(records).warnings).toEqual([
      { code: 'card-in-wrong-zone', message: '2 cards in “Contents” are not counted: it takes content cards', cardIds: ['shape:e1', 'shape:f'] },
    ])
  })

  it('lets a zone that lists no card types take any card', () => {
    const area = zone('shape:area', 'Anything', [], 0, 0, 1000, 1000)
    const summary = summarise([area, content('shape:a', 4, { x: 10, y: 10 })])
    expect(summary.contentHours.total).toBe(4)
    expect(summary.warnings).toEqual([])
  })

  it('counts invalid stored values as invalid with a warning, never crashing', () => {
    const records = [
      CONTENTS,
      FORMATS,
      EXAMS,
      content('shape:text-hours', '4', inContents, 'Public value'),
      content('shape:negative', -2, inContents, ''),
      content('shape:ok', 6, inContents),
      format('shape:bad-kind', 'lecturer', 'lots', inFormats),
      exam('shape:bad-weight', 'final', -10, inExams),
      exam('shape:bad-timing', 'midterm', 20, inExams),
      { typeName: 'shape', id: 'shape:no-props', type: 'tavolo-content', parentId: CONTENTS.id, x: 1, y: 1 },
      { typeName: 'shape', id: 'shape:nan', type: 'tavolo-content', parentId: 'page:page', x: 'left', y: null, props: { w: 10, h: 10, hours: 1 } },
      null,
      42,
      'shape:string',
      { typeName: 'shape' },
      { typeName: 'page', id: 'page:page', name: 'Page 1', index: 'a1', meta: {} },
    ]
    const summary = summarise(records)
    expect(summary.contentHours).toEqual({ total: 6, target: 50, cardIds: ['shape:ok'] })
    expect(summary.formatHours.total).toBe(0)
    expect(summary.examWeights.total).toBe(0)
    expect(summary.invalidCardIds).toEqual(['shape:text-hours', 'shape:negative', 'shape:bad-kind', 'shape:bad-weight', 'shape:bad-timing', 'shape:no-props'])
    const invalid = summary.warnings.filter((w) => w.code === 'invalid-value')
    expect(invalid.map((w) => w.message)).toEqual([
      '“Public value” has an invalid hours value and is not counted',
      'An untitled content has an invalid hours value and is not counted',
      'A format card has invalid hours and kind values and is not counted',
      'The written exam has an invalid weight value and is not counted',
      'The written exam has an invalid timing value and is not counted',
      'An untitled content has an invalid hours value and is not counted',
    ])
    expect(invalid.map((w) => w.cardIds)).toEqual(summary.invalidCardIds.map((id) => [id]))
    expect(summary.cardsOutsideZones).toEqual(['shape:nan'])
  })

  it('applies only the rules in the session, and hours rules only with a target', () => {
    const records = [CONTENTS, EXAMS, content('shape:a', 10, inContents)]
    expect(messages(records, { session: { rules: [] } })).toEqual([])
    expect(messages(records, { session: { rules: ['exam-weights-total-100'], targets: { totalHours: 50 } } })).toEqual([
      'Exam weights add up to 0 % — 100 % to assign',
    ])
    expect(messages(records, { session: undefined })).toEqual(['Exam weights add up to 0 % — 100 % to assign'])
    expect(messages(records, { session: { targets: { totalHours: 'fifty' } } })).toEqual(['Exam weights add up to 0 % — 100 % to assign'])
    expect(messages(records, { session: { targets: { totalHours: 60 } } })[0]).toBe('Contents take 10 h of 60 h — 50 h to plan')
  })

  it('counts contributions by role, created and last edited', () => {
    const people = {
      pro: { name: 'Paola', role: 'professional', colour: '#d00' },
      cit: { name: 'Carlo', role: 'citizen', colour: '#0d0' },
      stu: { name: 'Sara', role: 'student', colour: '#00d' },
      odd: { name: 'Olga', role: 'astronaut', colour: '#000' },
    }
    const records = [
      CONTENTS,
      content('shape:1', 2, { ...inContents, by: 'pro' }),
      content('shape:2', 2, { ...inContents, by: 'pro', editedBy: 'cit' }),
      idea('shape:3', { by: 'cit' }),
      exam('shape:4', 'final', 10, { by: 'stu', editedBy: 'pro' }),
      idea('shape:5', { by: 'odd' }),
      idea('shape:6', { by: 'gone' }),
      idea('shape:7', { by: 'template', editedBy: 'stu' }),
      idea('shape:8'),
    ]
    const { contributions } = computeSummary({ records, people })
    expect(contributions.byRole).toEqual({
      facilitator: { created: 0, lastEdited: 0 },
      professional: { created: 2, lastEdited: 2 },
      citizen: { created: 1, lastEdited: 2 },
      student: { created: 1, lastEdited: 1 },
      unknown: { created: 3, lastEdited: 3 },
    })
    expect(contributions.fromTemplate).toEqual({ created: 1, lastEdited: 0 })
    expect(contributions.byPerson.map((p) => [p.name, p.role, p.created, p.lastEdited])).toEqual([
      ['Paola', 'professional', 2, 2],
      ['Carlo', 'citizen', 1, 2],
      ['Olga', 'unknown', 1, 1],
      ['Sara', 'student', 1, 1],
      ['Unknown person', 'unknown', 1, 1],
    ])
  })

  it('adds up dots per card from the votes', () => {
    const votes = { 'shape:a/p1': 2, 'shape:a/p2': 1, 'shape:b/p1': 3, 'broken': 4, 'shape:c/p1': -1, 'shape:d/p1': 'x' }
    expect(summarise([], { votes }).dotsByCard).toEqual({ 'shape:a': 3, 'shape:b': 3 })
  })

  it('summarises a freshly seeded MSc board read from its Y.Doc', () => {
    const doc = new Y.Doc()
    seedBoardDoc(doc, { title: 'MSc', templateId: 'msc-public-services' })
    const board = readBoardDoc(doc)
    const summary = computeSummary(board)
    expect(summary.cardCount).toBe(6)
    expect(summary.zones.map((z) => [z.title, z.cardIds.length])).toEqual([
      ['Contents', 6],
      ['Lecture formats', 0],
      ['Exams (ongoing and final)', 0],
      ['Parking lot (ideas)', 0],
    ])
    expect(summary.warnings.map((w) => w.message)).toEqual([
      'Contents take 0 h of 50 h — 50 h to plan',
      'Lecture formats take 0 h of 50 h — 50 h to plan',
      'Exam weights add up to 0 % — 100 % to assign',
    ])
    expect(summary.contributions.fromTemplate).toEqual({ created: 6, lastEdited: 6 })
  })

  it('shows no numeric warnings on a Co-production Star board', () => {
    const doc = new Y.Doc()
    seedBoardDoc(doc, { title: 'Star', templateId: 'coproduction-star' })
    const summary = computeSummary(readBoardDoc(doc))
    expect(summary.zones.map((z) => z.cardIds.length)).toEqual([1, 1, 1, 1])
    expect(summary.warnings).toEqual([])
  })
})

describe('readBoardDoc', () => {
  it('returns plain people, votes, ratings, budgets and seat picks, dropping malformed entries', () => {
    const doc = new Y.Doc()
    doc.getMap(PEOPLE_ROOT).set('p1', { name: 'Anna', role: 'citizen', colour: '#123456' })
    doc.getMap(PEOPLE_ROOT).set('p2', { name: 7 })
    doc.getMap(PEOPLE_ROOT).set('p3', 'nobody')
    doc.getMap(VOTES_ROOT).set('shape:a/p1', 2)
    doc.getMap(VOTES_ROOT).set('shape:a/p2', 'two')
    doc.getMap(RATINGS_ROOT).set('clarity/p1', 4)
    doc.getMap(BUDGETS_ROOT).set('shape:a/p1', 3.5)
    doc.getMap(BUDGETS_ROOT).set('shape:a/p2', 'lots')
    doc.getMap(SEAT_PICKS_ROOT).set('p1', 'table-1')
    doc.getMap(SEAT_PICKS_ROOT).set('p2', 5)
    const board = readBoardDoc(doc)
    expect(board).toEqual({
      records: [],
      people: { p1: { name: 'Anna', role: 'citizen', colour: '#123456' }, p2: { name: '', role: '', colour: '' } },
      session: {},
      votes: { 'shape:a/p1': 2 },
      ratings: { 'clarity/p1': 4 },
      budgets: { 'shape:a/p1': 3.5 },
      seatPicks: { p1: 'table-1' },
      meta: {},
    })
  })

  it('reads the rightmost entry of a key in the records root, as YKeyValue does', () => {
    const doc = new Y.Doc()
    doc.getArray('records').push([
      { key: 'shape:a', val: { id: 'shape:a', v: 1 } },
      { key: 'shape:b', val: { id: 'shape:b' } },
      { key: 'shape:a', val: { id: 'shape:a', v: 2 } },
      'junk',
    ])
    expect(readBoardDoc(doc).records).toEqual([{ id: 'shape:a', v: 2 }, { id: 'shape:b' }])
  })
})
