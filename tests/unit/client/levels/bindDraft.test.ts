import { createTLStore, type TLRecord, type TLShapeId, type TLStore } from 'tldraw'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CONTENT_CARD, CONTENT_CARD_TYPE, newCardMeta, ZONE_TYPE } from '../../../../shared/src/cards'
import { readRecords } from '../../../../shared/src/doc/recordsRoot'
import { SESSION_ROOT } from '../../../../shared/src/doc/roots'
import type { DraftingRound } from '../../../../shared/src/levels/drafting'
import { createTavoloSchema } from '../../../../shared/src/schema'
import { writeSessionValue } from '../../../../shared/src/session/sessionState'
import { seedBoardDoc } from '../../../../shared/src/templates/seedBoardDoc'
import { privateCardIds } from '../../../../client/src/levels/draftCards'
import { bindDraft } from '../../../../client/src/levels/bindDraft'
import { bindStoreToDoc } from '../../../../client/src/sync/bindStoreToDoc'
import { recordsKeyValue } from '../../../../client/src/sync/recordsKeyValue'
import { connectDocs, docRecord } from '../sync/support'

// A participant's store bound to the board and to their own draft (each doc connected to the
// relay's copy, as y-websocket would), beside a second participant bound to the board only.

const OPEN: DraftingRound = { status: 'open', scope: { kind: 'board' }, anonymous: false, roundId: 'round1' }

function room() {
  const board = new Y.Doc()
  seedBoardDoc(board, { title: 'Drafting', templateId: 'msc-public-services', at: 1 })
  const serverDraft = new Y.Doc()
  const client = (withDraft: boolean) => {
    const doc = new Y.Doc()
    connectDocs(board, doc)
    const store = createTLStore({ schema: createTavoloSchema() })
    const binding = bindStoreToDoc(store, doc, { log: () => {} })
    const draft = new Y.Doc()
    if (withDraft) connectDocs(serverDraft, draft)
    const unbind = withDraft ? bindDraft(binding, store, doc, draft, 'p1') : () => {}
    return { doc, store, binding, draft, unbind }
  }
  const setRound = (round: DraftingRound) => writeSessionValue(board.getMap(SESSION_ROOT), 'drafting', round)
  const records = readRecords(board) as TLRecord[]
  const contents = records.find((r) => r.typeName === 'shape' && r.type === ZONE_TYPE && (r.props as { accepts: string[] }).accepts.includes(CONTENT_CARD_TYPE))!
  const sample = records.find((r) => r.typeName === 'shape' && r.type === CONTENT_CARD_TYPE)!
  const card = (name: string, x = 24, parentId: string = contents.id): TLRecord =>
    ({ ...sample, id: `shape:${name}`, parentId, x, y: 300, props: { ...CONTENT_CARD.defaultProps(), title: name }, meta: newCardMeta('p1', 5) }) as unknown as TLRecord
  return { board, serverDraft, client, setRound, card }
}

const has = (store: TLStore, id: string) => store.has(id as TLShapeId)

describe('bindDraft: a person’s private draft beside the board', () => {
  it('a new card in scope goes to the draft only: the board, and anyone else, never get it', () => {
    const { board, serverDraft, client, setRound, card } = room()
    setRound(OPEN)
    const me = client(true)
    const other = client(false)
    me.store.put([card('mine')])
    expect(docRecord(serverDraft, 'shape:mine')).toBeDefined()
    expect(docRecord(board, 'shape:mine')).toBeUndefined()
    expect(has(other.store, 'shape:mine')).toBe(false)
    expect(privateCardIds(me.store).get().has('shape:mine')).toBe(true)
  })

  it('edits, moves (even out of every zone) and deletes of a draft card stay in the draft', () => {
    const { board, serverDraft, client, setRound, card } = room()
    setRound(OPEN)
    const me = client(true)
    me.store.put([card('mine')])
    me.store.put([{ ...(me.store.get('shape:mine' as TLShapeId) as TLRecord & { x: number }), x: -9000, parentId: 'page:page' } as TLRecord])
    expect((docRecord(serverDraft, 'shape:mine') as { x: number }).x).toBe(-9000)
    expect(docRecord(board, 'shape:mine')).toBeUndefined()
    me.store.remove(['shape:mine' as TLShapeId])
    expect(docRecord(serverDraft, 'shape:mine')).toBeUndefined()
    expect(docRecord(board, 'shape:mine')).toBeUndefined()
    expect(privateCardIds(me.store).get().size).toBe(0)
  })

  it('with no round open, or a card outside every zone, the card goes to the board', () => {
    const { board, serverDraft, client, setRound, card } = room()
    const me = client(true)
    me.store.put([card('before')])
    setRound(OPEN)
    me.store.put([card('outside', -9000, 'page:page')])
    expect(docRecord(board, 'shape:before')).toBeDefined()
    expect(docRecord(board, 'shape:outside')).toBeDefined()
    expect(docRecord(serverDraft, 'shape:before')).toBeUndefined()
    // A board card edited during the round stays on the board.
    me.store.put([{ ...(me.store.get('shape:before' as TLShapeId) as TLRecord), meta: { ...newCardMeta('p1', 6) } } as TLRecord])
    expect(docRecord(serverDraft, 'shape:before')).toBeUndefined()
  })

  it('my draft cards made elsewhere (another tab, this device’s copy) come into the store', () => {
    const { serverDraft, client, setRound, card } = room()
    setRound(OPEN)
    const me = client(true)
    recordsKeyValue(serverDraft).set('shape:fromTab', card('fromTab'))
    expect(has(me.store, 'shape:fromTab')).toBe(true)
    expect(privateCardIds(me.store).get().has('shape:fromTab')).toBe(true)
  })

  it.each([
    ['the board’s copy first', true],
    ['the draft’s delete first', false],
  ])('the reveal (%s) leaves the card once on the board, and later edits go to the board', (_name, boardFirst) => {
    const { board, serverDraft, client, setRound, card } = room()
    setRound(OPEN)
    const me = client(true)
    me.store.put([card('mine')])
    const revealed = { ...docRecord(serverDraft, 'shape:mine')!, x: 500, meta: { ...newCardMeta('p1', 5), draftRound: 'round1' } } as TLRecord
    const toBoard = () => recordsKeyValue(board).set(revealed.id, revealed)
    const fromDraft = () => recordsKeyValue(serverDraft).delete(revealed.id)
    if (boardFirst) {
      toBoard()
      fromDraft()
      expect(has(me.store, 'shape:mine')).toBe(true)
    } else {
      fromDraft()
      toBoard()
    }
    expect((me.store.get('shape:mine' as TLShapeId) as { x: number }).x).toBe(500)
    expect(privateCardIds(me.store).get().size).toBe(0)
    me.store.put([{ ...(me.store.get('shape:mine' as TLShapeId) as TLRecord & { x: number }), x: 520 } as TLRecord])
    expect((docRecord(board, 'shape:mine') as { x: number }).x).toBe(520)
    expect(docRecord(serverDraft, 'shape:mine')).toBeUndefined()
  })

  it('unbinding the draft takes its cards out of the store and leaves the board’s', () => {
    const { client, setRound, card } = room()
    const me = client(true)
    me.store.put([card('public')])
    setRound(OPEN)
    me.store.put([card('private')])
    me.unbind()
    expect(has(me.store, 'shape:private')).toBe(false)
    expect(has(me.store, 'shape:public')).toBe(true)
    expect(privateCardIds(me.store).get().size).toBe(0)
  })
})
