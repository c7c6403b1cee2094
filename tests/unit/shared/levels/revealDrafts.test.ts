import { describe, expect, it } from 'vitest'
import { overlaps, type Rect } from '../../../../shared/src/board/cardPlacement'
import { CONTENT_CARD_TYPE } from '../../../../shared/src/cards/content/contentCard'
import { FORMAT_CARD_TYPE, defaultFormatCardProps } from '../../../../shared/src/cards/format/formatCard'
import { ZONE_TYPE } from '../../../../shared/src/cards/zone/zone'
import { DEFAULT_PAGE_ID } from '../../../../shared/src/doc/defaultRecords'
import { readRecords } from '../../../../shared/src/doc/recordsRoot'
import { SESSION_ROOT } from '../../../../shared/src/doc/roots'
import { draftRoundOf } from '../../../../shared/src/levels/drafting'
import { planReveal } from '../../../../shared/src/levels/revealDrafts'
import { boardChange } from '../../../../shared/src/rules/boardChange'
import { checkWrite } from '../../../../shared/src/rules/checkWrite'
import { docBoardView } from '../../../../shared/src/rules/docBoardView'
import { SESSION_KEYS } from '../../../../shared/src/session/sessionKeys'
import { contentCardIn } from '../../../support/contentCard'
import { levelsBoard, newId, type Shape } from './fixture'

// The reveal's placement: every draft's cards into the zones they were drafted for, clear of the
// cards already there and of each other, keeping their ids, marked with the round.

const recordsOf = (plan: { records: unknown[] }) => plan.records as Shape[]
const box = (s: { x: number; y: number; props: Record<string, unknown> }): Rect => ({ x: s.x, y: s.y, w: Number(s.props.w), h: Number(s.props.h) })

/** A card drafted into `zoneId` by `createdBy` at time `at`, titled `title`. */
const drafted = (id: string, zoneId: string, createdBy: string, at: number, title = id): Shape => contentCardIn(id, zoneId, createdBy, { title }, at) as Shape

describe('revealing the drafts', () => {
  it('places every drafted card in its zone clear of the cards there and of each other, keeping ids, marked with the round', () => {
    const { doc, kv, contentsOf, addContent } = levelsBoard()
    const zone = contentsOf(null)
    addContent(null, 'Already here', 4, 'fran')
    const before = (readRecords(doc) as Shape[]).filter((r) => r.parentId === zone.id).length
    const ann = [drafted('a1', zone.id, 'ann', 20), drafted('a2', zone.id, 'ann', 10)]
    const bob = [drafted('b1', zone.id, 'bob', 15)]
    const plan = planReveal({ board: readRecords(doc), drafts: [{ personId: 'ann', records: ann }, { personId: 'bob', records: bob }], roundId: 'r1', newId })
    expect([plan.cards, plan.people]).toEqual([3, 2])
    expect(plan.taken).toEqual(new Map([['ann', ['shape:a1', 'shape:a2']], ['bob', ['shape:b1']]]))
    const cards = recordsOf(plan).filter((r) => r.type === CONTENT_CARD_TYPE)
    expect(cards.map((c) => c.id)).toEqual(['shape:a2', 'shape:b1', 'shape:a1'])
    expect(cards.every((c) => c.parentId === zone.id && draftRoundOf(c.meta) === 'r1')).toBe(true)
    for (const card of cards) kv.set(card.id, card)
    const inZone = (readRecords(doc) as Shape[]).filter((r) => r.parentId === zone.id)
    expect(inZone).toHaveLength(before + 3)
    for (const card of cards) {
      for (const other of inZone) if (other.id !== card.id) expect(overlaps(box(card), box(other)), `${card.id} and ${other.id}`).toBe(false)
    }
    // Each is a card its author could have written on the board: valid, in an existing zone, theirs
    // (the fixture's room sits at tables, where a participant writes the plenary only when allowed).
    doc.getMap(SESSION_ROOT).set(SESSION_KEYS.participantsAdopt, true)
    for (const card of cards) {
      expect(checkWrite({ personId: String(card.meta.createdBy), role: 'editor' }, boardChange({ records: { [card.id]: card } }), docBoardView(doc))).toBeNull()
    }
  })

  it('sends a card whose zone is gone to the first zone taking its type, and gives a taken id a new one', () => {
    const { doc, shapes, addContent } = levelsBoard()
    const existing = addContent(null, 'Taken id', 4, 'fran')
    const lost = { ...drafted('lost', 'shape:deleted-zone', 'ann', 1), type: FORMAT_CARD_TYPE, props: defaultFormatCardProps() } as unknown as Shape
    const formatZone = shapes().find((s) => s.type === ZONE_TYPE && (s.props.accepts as string[]).includes(FORMAT_CARD_TYPE) && !s.meta.tableId)!
    const plan = planReveal({
      board: readRecords(doc),
      drafts: [{ personId: 'ann', records: [{ ...drafted('x', formatZone.id, 'ann', 2), id: existing.id }, lost] }],
      roundId: 'r1',
      newId,
    })
    const [moved, renamed] = recordsOf(plan)
    expect(renamed.id).not.toBe(existing.id)
    expect(moved.id).toBe('shape:lost')
    expect(moved.parentId).toBe(formatZone.id)
  })

  it('grows a full zone and pushes the zones below it down, so nothing overlaps', () => {
    const { doc, kv, shapes, contentsOf } = levelsBoard()
    const zone = contentsOf(null)
    const many = Array.from({ length: 30 }, (_, i) => drafted(`m${i}`, zone.id, 'ann', i))
    const plan = planReveal({ board: readRecords(doc), drafts: [{ personId: 'ann', records: many }], roundId: null, newId })
    const grown = recordsOf(plan).find((r) => r.id === zone.id)!
    expect(Number(grown.props.h)).toBeGreaterThan(Number(zone.props.h))
    for (const record of plan.records) kv.set(String(record.id), record)
    expect(recordsOf(plan).find((r) => r.id === 'shape:m0')!.meta).not.toHaveProperty('draftRound')
    const zones = shapes().filter((s) => s.type === ZONE_TYPE && s.parentId === zone.parentId)
    zones.forEach((a, i) => zones.slice(i + 1).forEach((b) => expect(overlaps(box(a), box(b)), `${a.id} and ${b.id}`).toBe(false)))
    const inZone = shapes().filter((s) => s.parentId === zone.id)
    inZone.forEach((a, i) => inZone.slice(i + 1).forEach((b) => expect(overlaps(box(a), box(b))).toBe(false)))
    expect(inZone.every((c) => c.y + Number(c.props.h) <= Number(grown.props.h))).toBe(true)
  })

  it('takes a record that is not the owner’s card out of the draft without revealing it, and rows cards up on a board without zones', () => {
    const forged = drafted('forged', 'shape:nowhere', 'mallory', 1)
    const plan = planReveal({ board: [], drafts: [{ personId: 'ann', records: [forged, drafted('p1', 'shape:z', 'ann', 1), drafted('p2', 'shape:z', 'ann', 2)] }], roundId: 'r1', newId })
    expect(plan.taken.get('ann')).toEqual(['shape:forged', 'shape:p1', 'shape:p2'])
    expect([plan.cards, plan.people]).toEqual([2, 1])
    const [a, b] = recordsOf(plan)
    expect([a.parentId, b.parentId]).toEqual([DEFAULT_PAGE_ID, DEFAULT_PAGE_ID])
    expect(overlaps(box(a), box(b))).toBe(false)
  })
})
