import { getIndicesAbove } from '@tldraw/utils'
import * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { readBoardDoc } from '../../../../shared/src/doc/readBoardDoc'
import { recordsArray, readRecords } from '../../../../shared/src/doc/recordsRoot'
import { PEOPLE_ROOT, RATINGS_ROOT, VOTES_ROOT } from '../../../../shared/src/doc/roots'
import type { PlainBoard } from '../../../../shared/src/export/plainBoard'
import { seedBoardDoc } from '../../../../shared/src/templates/index'

// A workshop board built the way the app builds one: seeded from the MSc template, then edited
// through y-utility's YKeyValue on the `records` root, with people, votes and ratings in their
// own roots. Its values are chosen so every total adds up, except one card left outside the zones.

export const T0 = Date.UTC(2026, 10, 28, 9, 0, 0)
export const TITLE = 'MSc Public Services — “Co-design” | Milano'

export const PEOPLE = {
  anna: { name: 'Anna Rossi', role: 'professional', colour: '#e03131' },
  luca: { name: 'Luca Bianchi', role: 'citizen', colour: '#1971c2' },
  zoe: { name: 'Zoë 王', role: 'student', colour: '#2f9e44' },
  fran: { name: 'Fran', role: 'facilitator', colour: '#000000' },
} as const
type PersonId = keyof typeof PEOPLE

export interface CardSpec {
  id: string
  type: string
  zone: string | null
  x: number
  y: number
  props: Record<string, unknown>
  by: PersonId
  editedBy?: PersonId
}

const size = { w: 200, h: 120 }

/** In record order on purpose: the exports must order them by position, not by record order. */
export const CARDS: CardSpec[] = [
  { id: 'shape:c3', type: 'tavolo-content', zone: 'Contents', x: 24, y: 300, by: 'luca', props: { title: 'Network governance', description: '', hours: 20, deliveredBy: 'both' } },
  {
    id: 'shape:c2',
    type: 'tavolo-content',
    zone: 'Contents',
    x: 300,
    y: 64,
    by: 'anna',
    editedBy: 'zoe',
    props: { title: '# Co-production | roles & *levels*', description: 'Line one, with "quotes"\n- not a list\n=SUM(A1)', hours: 20, deliveredBy: 'unset' },
  },
  { id: 'shape:c1', type: 'tavolo-content', zone: 'Contents', x: 24, y: 64, by: 'anna', props: { title: 'Public value', description: 'What the public values, and who creates it.', hours: 10, deliveredBy: 'professionals' } },
  { id: 'shape:f1', type: 'tavolo-format', zone: 'Lecture formats', x: 24, y: 64, by: 'anna', props: { kind: 'lecture', hours: 30, notes: 'Mornings' } },
  { id: 'shape:f2', type: 'tavolo-format', zone: 'Lecture formats', x: 300, y: 64, by: 'luca', props: { kind: 'case-study', hours: 20, notes: '' } },
  { id: 'shape:e1', type: 'tavolo-exam', zone: 'Exams (ongoing and final)', x: 24, y: 64, by: 'zoe', props: { timing: 'ongoing', form: 'project', weight: 40, notes: '' } },
  { id: 'shape:e2', type: 'tavolo-exam', zone: 'Exams (ongoing and final)', x: 300, y: 64, by: 'anna', props: { timing: 'final', form: 'written', weight: 60, notes: 'Open book, 2 h' } },
  { id: 'shape:i1', type: 'tavolo-idea', zone: 'Parking lot (ideas)', x: 24, y: 64, by: 'luca', props: { text: 'Invite a city councillor' } },
  { id: 'shape:i2', type: 'tavolo-idea', zone: 'Parking lot (ideas)', x: 300, y: 64, by: 'zoe', props: { text: '+ more field visits' } },
  { id: 'shape:x1', type: 'tavolo-content', zone: null, x: 5000, y: 5000, by: 'fran', props: { title: 'Stray topic', description: '', hours: 4, deliveredBy: 'unset' } },
]

export const VOTES = { 'shape:i1/anna': 2, 'shape:i1/luca': 1, 'shape:c1/zoe': 3 }
export const RATINGS = { 'Feasibility/anna': 4, 'Feasibility/luca': 5, 'Relevance for students/zoe': 3 }

export function workshopDoc(): Y.Doc {
  const doc = new Y.Doc()
  seedBoardDoc(doc, { title: TITLE, templateId: 'msc-public-services', at: T0 })
  const records = new YKeyValue<unknown>(recordsArray(doc))
  const zoneIds = new Map<string, string>()
  for (const record of readRecords(doc) as Array<{ id: string; type?: string; props?: { title?: string } }>) {
    if (record.type === 'tavolo-zone') zoneIds.set(record.props?.title ?? '', record.id)
    if (record.type === 'tavolo-content') records.delete(record.id)
  }
  const indices = getIndicesAbove(null, CARDS.length)
  CARDS.forEach((card, i) => {
    const parentId = card.zone === null ? 'page:page' : zoneIds.get(card.zone)
    if (!parentId) throw new Error(`No zone "${card.zone}" in the template`)
    const editor = card.editedBy ?? card.by
    records.set(card.id, {
      id: card.id,
      typeName: 'shape',
      type: card.type,
      parentId,
      index: indices[i],
      x: card.x,
      y: card.y,
      rotation: 0,
      isLocked: false,
      opacity: 1,
      props: { ...size, ...card.props },
      meta: { createdBy: card.by, createdAt: T0 + i * 60_000, lastEditedBy: editor, lastEditedAt: T0 + i * 60_000 + 30_000 },
    })
  })
  setAll(doc.getMap(PEOPLE_ROOT), PEOPLE)
  setAll(doc.getMap(VOTES_ROOT), VOTES)
  setAll(doc.getMap(RATINGS_ROOT), RATINGS)
  return doc
}

export function workshopBoard(): PlainBoard {
  return readBoardDoc(workshopDoc())
}

interface FocusedCard {
  id: string
  type: string
  props: Record<string, unknown>
  meta?: Record<string, unknown>
}

/**
 * A board with only the given cards in a row on the page, for focused tests; with `zoneAccepts`
 * a zone spanning the row holds them (the summary places cards by geometry, not by parent).
 */
export function boardWithCards(
  cards: FocusedCard[],
  opts: { people?: PlainBoard['people']; zoneAccepts?: string[] } = {},
): PlainBoard {
  const indices = getIndicesAbove(null, cards.length + 1)
  const zone = opts.zoneAccepts && {
    id: 'shape:zone',
    typeName: 'shape',
    type: 'tavolo-zone',
    parentId: 'page:page',
    index: indices[cards.length],
    x: -50,
    y: -50,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    props: { w: cards.length * 300 + 100, h: size.h + 100, title: 'Zone', accepts: opts.zoneAccepts },
    meta: {},
  }
  return {
    records: [
      ...(zone ? [zone] : []),
      ...cards.map((card, i) => ({
        id: card.id,
        typeName: 'shape',
        type: card.type,
        parentId: 'page:page',
        index: indices[i],
        x: i * 300,
        y: 0,
        rotation: 0,
        isLocked: false,
        opacity: 1,
        props: { ...size, ...card.props },
        meta: card.meta ?? {},
      })),
    ],
    people: opts.people ?? {},
    session: {},
    votes: {},
    ratings: {},
    meta: { title: 'Focused board' },
  }
}

function setAll(map: Y.Map<unknown>, entries: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(entries)) map.set(key, value)
}
