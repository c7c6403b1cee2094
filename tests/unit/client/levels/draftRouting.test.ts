import { createTLStore, type TLRecord, type TLShape } from 'tldraw'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CONTENT_CARD, CONTENT_CARD_TYPE, newCardMeta, ZONE_TYPE } from '../../../../shared/src/cards'
import { readRecords } from '../../../../shared/src/doc/recordsRoot'
import type { DraftingRound } from '../../../../shared/src/levels/drafting'
import { SESSION_KEYS } from '../../../../shared/src/session/sessionKeys'
import { seedBoardDoc } from '../../../../shared/src/templates/seedBoardDoc'
import { storeZoneOfCard } from '../../../../client/src/cards/zoneOnPage'
import { goesToDraft } from '../../../../client/src/levels/draftRouting'
import { createTavoloSchema } from '../../../../shared/src/schema'

// Where a new record goes while a drafting round is open: the seeded MSc board's zones, a card
// placed in one of them (a child of the zone) or on the bare canvas, in a store as the binding has it.

const doc = new Y.Doc()
seedBoardDoc(doc, { title: 'Drafting', templateId: 'msc-public-services', at: 1 })
const records = readRecords(doc) as TLRecord[]
const zones = records.filter((r) => r.typeName === 'shape' && r.type === ZONE_TYPE)
const contents = zones.find((z) => (z as { props: { accepts: string[] } }).props.accepts.includes(CONTENT_CARD_TYPE))!
const other = zones.find((z) => z !== contents)!
const sample = records.find((r) => r.typeName === 'shape' && r.type === CONTENT_CARD_TYPE)!

function card(parentId: string, x = 24, y = 64): TLRecord {
  return { ...sample, id: 'shape:new', parentId, x, y, props: CONTENT_CARD.defaultProps(), meta: newCardMeta('p1', 5) } as unknown as TLRecord
}

function session(round: DraftingRound | null, phase = 1): Record<string, unknown> {
  return { [SESSION_KEYS.phase]: phase, ...(round ? { [SESSION_KEYS.drafting]: round } : {}) }
}

const open = (scope: DraftingRound['scope']): DraftingRound => ({ status: 'open', scope, anonymous: false, roundId: 'r1' })
/** As the binding asks it: the new record is already in the store. */
function routed(record: TLRecord, plain: Record<string, unknown>): boolean {
  const store = createTLStore({ schema: createTavoloSchema() })
  store.put([...records, record])
  return goesToDraft(record, () => plain, storeZoneOfCard(store), 'p1')
}

describe('goesToDraft', () => {
  it('a new card in a zone goes to the draft while a whole-board round is open', () => {
    expect(routed(card(contents.id), session(open({ kind: 'board' })))).toBe(true)
    expect(routed(card(other.id), session(open({ kind: 'board' })))).toBe(true)
  })

  it('nothing is drafted when no round is open, or the round is closed', () => {
    expect(routed(card(contents.id), session(null))).toBe(false)
    expect(routed(card(contents.id), session({ ...open({ kind: 'board' }), status: 'closed' }))).toBe(false)
  })

  it('a one-zone round drafts only the cards in that zone', () => {
    const round = session(open({ kind: 'zone', zoneId: contents.id }))
    expect(routed(card(contents.id), round)).toBe(true)
    expect(routed(card(other.id), round)).toBe(false)
  })

  it('a phase round drafts only while the board is in that phase', () => {
    expect(routed(card(contents.id), session(open({ kind: 'phase', phase: 2 }), 2))).toBe(true)
    expect(routed(card(contents.id), session(open({ kind: 'phase', phase: 2 }), 3))).toBe(false)
  })

  it('the zone is where the card lies, not its parent: a child placed outside its zone is not drafted', () => {
    expect(routed(card(contents.id, -5000, -5000), session(open({ kind: 'board' })))).toBe(false)
  })

  it('a card the draft would refuse (made by someone else: a copy of their card) goes to the board', () => {
    expect(routed({ ...card(contents.id), meta: newCardMeta('p2', 5) } as TLRecord, session(open({ kind: 'board' })))).toBe(false)
  })

  it('a card on the bare canvas and anything that is not a card go to the board', () => {
    const plain = session(open({ kind: 'board' }))
    expect(routed(card('page:page', -5000, -5000), plain)).toBe(false)
    expect(routed({ ...contents, id: 'shape:zone2' } as TLRecord, plain)).toBe(false)
    expect(routed(records.find((r) => r.typeName === 'page')!, plain)).toBe(false)
  })
})

describe('storeZoneOfCard', () => {
  it('reads the zones as they are when asked, not as they were when the draft was bound', () => {
    const store = createTLStore({ schema: createTavoloSchema() })
    store.put(records)
    // Made once, as bindDraft makes it, and asked for every card made while the draft is bound.
    const zoneOf = storeZoneOfCard(store)
    const zone = contents as TLShape & { props: { w: number; h: number } }
    expect(zone.parentId).toBe('page:page')
    const onPage = card('page:page', zone.x + 24, zone.y + 64) as TLShape
    const child = card(contents.id) as TLShape
    expect(zoneOf(onPage)).toBe(contents.id)

    // The zone moved away: a card where it was is no longer in it; one made inside it still is.
    store.put([{ ...zone, x: zone.x + 10_000 }])
    expect(zoneOf(onPage)).not.toBe(contents.id)
    expect(zoneOf(child)).toBe(contents.id)

    // Another zone resized over that place now holds the card.
    store.put([{ ...(other as TLShape), x: zone.x, y: zone.y, props: { ...(other as TLShape).props, w: zone.props.w, h: zone.props.h } } as TLShape])
    expect(zoneOf(onPage)).toBe(other.id)

    // A zone drawn there later, smaller, holds it (the smallest containing zone wins); removed, it no longer does.
    store.put([{ ...zone, id: 'shape:later' as TLShape['id'], props: { ...zone.props, w: 400, h: 300 } } as TLShape])
    expect(zoneOf(onPage)).toBe('shape:later')
    store.remove(['shape:later' as TLShape['id']])
    expect(zoneOf(onPage)).toBe(other.id)
  })
})
