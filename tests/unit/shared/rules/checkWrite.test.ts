import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { TEMPLATE_AUTHOR } from '../../../../shared/src/cards/cardMeta'
import { ZONE_TYPE } from '../../../../shared/src/cards/zone/zone'
import { readRecords } from '../../../../shared/src/doc/recordsRoot'
import { DOC_FORMAT_VERSION, SESSION_ROOT } from '../../../../shared/src/doc/roots'
import { boardChange } from '../../../../shared/src/rules/boardChange'
import { checkWrite } from '../../../../shared/src/rules/checkWrite'
import { docBoardView } from '../../../../shared/src/rules/docBoardView'
import { isOwnOriginUrl } from '../../../../shared/src/rules/ownHostRule'
import type { Writer } from '../../../../shared/src/rules/writer'
import { createTavoloSchema } from '../../../../shared/src/schema'
import { withLock } from '../../../../shared/src/session/locks'
import { openVotingRound } from '../../../../shared/src/session/votingRound'
import { seedBoardDoc } from '../../../../shared/src/templates/seedBoardDoc'

type Shape = { id: string; type: string; parentId: string; meta: Record<string, unknown>; props: Record<string, unknown> } & Record<string, unknown>

const editor: Writer = { personId: 'person-e', role: 'editor' }
const other: Writer = { personId: 'person-o', role: 'editor' }
const facilitator: Writer = { personId: 'person-f', role: 'facilitator' }

function board(prepare?: (doc: Y.Doc, shapes: Shape[]) => void) {
  const doc = new Y.Doc()
  seedBoardDoc(doc, { title: 'Rules', templateId: 'msc-public-services' })
  const shapes = (readRecords(doc) as Shape[]).filter((r) => r.typeName === 'shape')
  const zone = shapes.find((s) => s.type === ZONE_TYPE && shapes.some((c) => c.parentId === s.id))!
  const card = shapes.find((s) => s.parentId === zone.id)!
  const freeZone = shapes.find((s) => s.type === ZONE_TYPE && s.id !== zone.id)!
  prepare?.(doc, shapes)
  const view = docBoardView(doc)
  const check = (writer: Writer, roots: Record<string, Record<string, unknown>>) => checkWrite(writer, boardChange(roots), view)
  const newCard = (id: string, meta: Record<string, unknown>, parentId = freeZone.id): Shape => ({ ...card, id, parentId, meta })
  return { doc, zone, card, freeZone, check, newCard }
}

describe('write rules: meta and session', () => {
  it('refuses meta from participants and formats or schemas the server cannot read', () => {
    const { check } = board()
    expect(check(editor, { meta: { format: 999 } })?.rule).toBe('meta')
    expect(check(editor, { meta: { title: 'Mine now' } })?.rule).toBe('meta')
    expect(check(facilitator, { meta: { format: 999 } })?.message).toMatch(/format/)
    expect(check(facilitator, { meta: { format: DOC_FORMAT_VERSION, title: 'Renamed' } })).toBeNull()
    const newer = createTavoloSchema().serialize()
    expect(check(facilitator, { meta: { schema: { ...newer, sequences: { ...newer.sequences, 'com.tldraw.shape': 999 } } } })?.rule).toBe('meta')
    expect(check(facilitator, { meta: { format: undefined } })?.rule).toBe('meta')
  })

  it('lets any writer bring meta.schema up to exactly this version', () => {
    const { check } = board()
    expect(check(editor, { meta: { schema: createTavoloSchema().serialize() } })).toBeNull()
  })

  it('refuses roots the document format does not define, from anyone', () => {
    const { check } = board()
    expect(check(facilitator, { notes: { n: 1 } })).toEqual({ rule: 'roots', message: 'notes is not part of the board format' })
    // A root named like an object's own property is not a rule of the table either.
    expect(check(editor, { toString: { x: 1 } })?.rule).toBe('roots')
  })

  it('keeps the session facilitator-only', () => {
    const { check } = board()
    expect(check(editor, { session: { phase: 3 } })?.rule).toBe('session')
    expect(check(facilitator, { session: { phase: 3 } })).toBeNull()
  })
})

describe('write rules: records', () => {
  it('accepts a new card attributed to its writer', () => {
    const { check, newCard } = board()
    expect(check(editor, { records: { 'shape:new': newCard('shape:new', { createdBy: editor.personId }) } })).toBeNull()
  })

  it('validates records with the board schema: props, ids, record types', () => {
    const { check, card, newCard } = board()
    expect(check(editor, { records: { 'shape:new': { ...newCard('shape:new', { createdBy: 'person-e' }), props: { ...card.props, hours: 'lots' } } } })?.rule).toBe('record')
    expect(check(editor, { records: { 'shape:other': newCard('shape:new', { createdBy: 'person-e' }) } })?.rule).toBe('record')
    expect(check(editor, { records: { 'shape:new': { ...newCard('shape:new', {}), type: 'no-such-shape' } } })?.rule).toBe('record')
    expect(check(editor, { records: { 'instance:x': { id: 'instance:x', typeName: 'instance' } } })?.rule).toBe('record')
    expect(check(editor, { records: { 'shape:new': 42 } })?.rule).toBe('record')
  })

  it('refuses a parent that does not exist and parents that make a cycle', () => {
    const { check, newCard } = board()
    expect(check(editor, { records: { 'shape:a': newCard('shape:a', { createdBy: 'person-e' }, 'shape:missing') } })?.rule).toBe('parent')
    const cycle = { 'shape:a': newCard('shape:a', { createdBy: 'person-e' }, 'shape:b'), 'shape:b': newCard('shape:b', { createdBy: 'person-e' }, 'shape:a') }
    expect(check(editor, { records: cycle })?.rule).toBe('parent')
  })

  it('refuses forged or changed attribution; the facilitator may add template content', () => {
    const { check, card, newCard } = board()
    expect(check(editor, { records: { 'shape:new': newCard('shape:new', { createdBy: other.personId }) } })?.rule).toBe('created-by')
    expect(check(editor, { records: { 'shape:new': newCard('shape:new', {}) } })?.rule).toBe('created-by')
    expect(check(editor, { records: { 'shape:new': newCard('shape:new', { createdBy: TEMPLATE_AUTHOR }) } })?.rule).toBe('created-by')
    expect(check(facilitator, { records: { 'shape:new': newCard('shape:new', { createdBy: TEMPLATE_AUTHOR }) } })).toBeNull()
    expect(check(editor, { records: { [card.id]: { ...card, meta: { ...card.meta, createdBy: editor.personId } } } })?.rule).toBe('created-by')
  })

  it('refuses content that loads another host', () => {
    const { check, freeZone } = board()
    const base = { typeName: 'shape', x: 0, y: 0, rotation: 0, index: 'a1', parentId: freeZone.id, isLocked: false, opacity: 1, meta: {} }
    const embed = { ...base, id: 'shape:embed', type: 'embed', props: { w: 300, h: 300, url: 'https://evil.example/login' } }
    expect(check(editor, { records: { 'shape:embed': embed } })?.rule).toMatch(/record|own-host/)
    const image = (url: string) => ({
      ...base,
      id: 'shape:img',
      type: 'image',
      props: { w: 10, h: 10, playing: true, url, assetId: null, crop: null, flipX: false, flipY: false, altText: '' },
    })
    expect(check(editor, { records: { 'shape:img': image('https://evil.example/a.png') } })?.rule).toBe('own-host')
    expect(check(editor, { records: { 'shape:img': image('') } })).toBeNull()
    const asset = (src: string) => ({
      id: 'asset:a',
      typeName: 'asset',
      type: 'image',
      props: { w: 10, h: 10, name: 'a.png', isAnimated: false, mimeType: 'image/png', src },
      meta: {},
    })
    expect(check(editor, { records: { 'asset:a': asset('/api/boards/b/assets/x') } })).toBeNull()
    expect(check(editor, { records: { 'asset:a': asset('//evil.example/a.png') } })?.rule).toBe('own-host')
  })

  it('judges URLs as a browser resolves them', () => {
    expect(isOwnOriginUrl('/api/boards/b/assets/x')).toBe(true)
    expect(isOwnOriginUrl(null)).toBe(true)
    for (const url of ['https://evil.example/', '//evil.example/x', '/\\evil.example/x', '/\t/evil.example', 'javascript:alert(1)', 42]) {
      expect(isOwnOriginUrl(url)).toBe(false)
    }
  })
})

describe('write rules: locks', () => {
  const locked = () =>
    board((doc, shapes) => {
      const zone = shapes.find((s) => s.type === ZONE_TYPE && shapes.some((c) => c.parentId === s.id))!
      doc.getMap(SESSION_ROOT).set('locks', withLock({}, zone.id, true))
    })

  it('keeps a locked zone and everything in it facilitator-only', () => {
    const { check, zone, card, newCard } = locked()
    expect(check(editor, { records: { [zone.id]: { ...zone, x: 3000 } } })?.rule).toBe('lock')
    expect(check(editor, { records: { [zone.id]: undefined } })?.rule).toBe('lock')
    expect(check(editor, { records: { [card.id]: { ...card, props: { ...card.props, title: 'Mine' } } } })?.rule).toBe('lock')
    expect(check(editor, { records: { 'shape:in': newCard('shape:in', { createdBy: editor.personId }, zone.id) } })?.rule).toBe('lock')
    expect(check(facilitator, { records: { [card.id]: { ...card, props: { ...card.props, title: 'Fixed' } } } })).toBeNull()
  })

  it('leaves other zones free', () => {
    const { check, freeZone } = locked()
    expect(check(editor, { records: { [freeZone.id]: { ...freeZone, x: 10 } } })).toBeNull()
  })

  it('keeps a zone locked beside a malformed stored lock (an older client’s), which locks nothing', () => {
    const { check, zone, freeZone } = board((doc, shapes) => {
      const zone = shapes.find((s) => s.type === ZONE_TYPE && shapes.some((c) => c.parentId === s.id))!
      const freeZone = shapes.find((s) => s.type === ZONE_TYPE && s.id !== zone.id)!
      doc.getMap(SESSION_ROOT).set('locks', { [zone.id]: true, [freeZone.id]: 'yes' })
    })
    expect(check(editor, { records: { [zone.id]: { ...zone, x: 3000 } } })?.rule).toBe('lock')
    expect(check(editor, { records: { [freeZone.id]: { ...freeZone, x: 10 } } })).toBeNull()
  })
})

describe('write rules: own keys and votes', () => {
  it('lets each person write only their own keys, with valid values', () => {
    const { check } = board()
    const me = { name: 'Eve', role: 'citizen', colour: '#123456' }
    expect(check(editor, { people: { 'person-e': me } })).toBeNull()
    expect(check(editor, { people: { 'person-f': { ...me, name: 'Mallory' } } })?.rule).toBe('own-keys')
    expect(check(editor, { people: { 'person-e': { ...me, role: 'king' } } })?.rule).toBe('own-keys')
    expect(check(editor, { ratings: { 'Feasibility/person-e': 4 } })).toBeNull()
    expect(check(editor, { ratings: { 'Feasibility/person-f': 1 } })?.rule).toBe('own-keys')
    expect(check(editor, { ratings: { 'Feasibility/person-e': 9 } })?.rule).toBe('own-keys')
    expect(check(facilitator, { ratings: { 'Feasibility/person-e': 1 } })?.rule).toBe('own-keys')
    expect(check(facilitator, { votes: { 'shape:x/person-e': undefined } })).toBeNull()
  })

  it('takes votes only while a round is open, on existing cards, within the dots it gives', () => {
    const closed = board()
    expect(closed.check(editor, { votes: { [`${closed.card.id}/person-e`]: 1 } })?.message).toMatch(/not open/)
    const open = board((doc) => doc.getMap(SESSION_ROOT).set('voting', openVotingRound({ dotsPerPerson: 3 }, 'round-1')))
    expect(open.check(editor, { votes: { [`${open.card.id}/person-e`]: 3 } })).toBeNull()
    expect(open.check(editor, { votes: { [`${open.card.id}/person-e`]: 40 } })?.message).toMatch(/3 dots/)
    expect(open.check(editor, { votes: { [`${open.card.id}/person-o`]: 1 } })?.rule).toBe('own-keys')
    expect(open.check(editor, { votes: { 'shape:gone/person-e': 1 } })?.rule).toBe('votes')
  })

  it('takes votes only on cards: never on a zone or another record', () => {
    const open = board((doc) => doc.getMap(SESSION_ROOT).set('voting', openVotingRound({ dotsPerPerson: 3 }, 'round-1')))
    expect(open.check(editor, { votes: { [`${open.zone.id}/person-e`]: 1 } })?.message).toBe('votes go on cards that exist')
    expect(open.check(editor, { votes: { ['page:page/person-e']: 1 } })?.message).toBe('votes go on cards that exist')
  })

  it("takes votes only on cards in the zones the round is about", () => {
    let zoneId = ''
    const round = board((doc, shapes) => {
      zoneId = shapes.find((s) => s.type === ZONE_TYPE && !shapes.some((c) => c.parentId === s.id))!.id
      doc.getMap(SESSION_ROOT).set('voting', openVotingRound({ dotsPerPerson: 3, zoneIds: [zoneId] }, 'round-1'))
    })
    expect(round.freeZone.id).toBe(zoneId)
    expect(round.check(editor, { votes: { [`${round.card.id}/person-e`]: 1 } })?.message).toBe('this round is not about the zone that card is in')
    const inRound = round.newCard('shape:in-round', { createdBy: 'person-e' })
    expect(round.check(editor, { records: { [inRound.id]: inRound }, votes: { [`${inRound.id}/person-e`]: 1 } })).toBeNull()
  })
})
