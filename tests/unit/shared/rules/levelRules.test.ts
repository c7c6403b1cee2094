import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CONTENT_CARD_TYPE } from '../../../../shared/src/cards/content/contentCard'
import { upgradeDocFormat, storedDocFormat } from '../../../../shared/src/doc/docFormat'
import { BUDGETS_ROOT, DOC_FORMAT_VERSION, DRAFT_DONE_ROOT, SEAT_PICKS_ROOT, SESSION_ROOT } from '../../../../shared/src/doc/roots'
import { budgetKey } from '../../../../shared/src/levels/budgets'
import { boardChange } from '../../../../shared/src/rules/boardChange'
import { checkWrite } from '../../../../shared/src/rules/checkWrite'
import { docBoardView } from '../../../../shared/src/rules/docBoardView'
import type { Writer } from '../../../../shared/src/rules/writer'
import { SESSION_KEYS } from '../../../../shared/src/session/sessionKeys'
import { seedBoardDoc } from '../../../../shared/src/templates/seedBoardDoc'
import { levelsBoard } from '../levels/fixture'

const ann: Writer = { personId: 'ann', role: 'editor' }
const bob: Writer = { personId: 'bob', role: 'editor' }
const fran: Writer = { personId: 'fran', role: 'facilitator' }

function board() {
  const fixture = levelsBoard()
  const session = fixture.doc.getMap(SESSION_ROOT)
  session.set(SESSION_KEYS.seating, { ann: 'table1', bob: 'table2' })
  const view = docBoardView(fixture.doc)
  const check = (writer: Writer, roots: Record<string, Record<string, unknown>>) => checkWrite(writer, boardChange(roots), view)
  return { ...fixture, session, check }
}

describe('write rules: hour budgets', () => {
  it('takes a ballot up to the target and refuses one over it, counting what is already stored', () => {
    const { session, check, kv, addContent } = board()
    const a = addContent('table1', 'A', 0, 'ann')
    const b = addContent('table1', 'B', 0, 'ann', 1)
    expect(check(ann, { [BUDGETS_ROOT]: { [budgetKey(a.id, 'ann')]: 10 } })?.message).toMatch(/no budget round/)
    session.set(SESSION_KEYS.budget, { status: 'open', targetHours: 50, roundId: 'r1' })
    expect(check(ann, { [BUDGETS_ROOT]: { [budgetKey(a.id, 'ann')]: 30, [budgetKey(b.id, 'ann')]: 20 } })).toBeNull()
    expect(check(ann, { [BUDGETS_ROOT]: { [budgetKey(a.id, 'ann')]: 30, [budgetKey(b.id, 'ann')]: 20.5 } })?.rule).toBe('budgets')
    const doc = kv.doc
    doc.getMap(BUDGETS_ROOT).set(budgetKey(a.id, 'ann'), 45)
    expect(check(ann, { [BUDGETS_ROOT]: { [budgetKey(b.id, 'ann')]: 6 } })?.message).toMatch(/50 h per person/)
    expect(check(ann, { [BUDGETS_ROOT]: { [budgetKey(b.id, 'ann')]: 5 } })).toBeNull()
  })

  it('keeps ballots to their owner, to content cards, to hours, and lets the facilitator clear them', () => {
    const { session, check, addContent, shapes } = board()
    session.set(SESSION_KEYS.budget, { status: 'open', targetHours: 50, roundId: 'r1' })
    const a = addContent('table1', 'A', 0, 'ann')
    const zone = shapes().find((s) => s.type !== CONTENT_CARD_TYPE)!
    expect(check(ann, { [BUDGETS_ROOT]: { [budgetKey(a.id, 'bob')]: 5 } })?.rule).toBe('own-keys')
    expect(check(ann, { [BUDGETS_ROOT]: { [budgetKey(zone.id, 'ann')]: 5 } })?.message).toMatch(/content cards/)
    expect(check(ann, { [BUDGETS_ROOT]: { [budgetKey(a.id, 'ann')]: 2.3 } })?.rule).toBe('own-keys')
    expect(check(fran, { [BUDGETS_ROOT]: { [budgetKey(a.id, 'ann')]: undefined } })).toBeNull()
  })
})

describe('write rules: tables', () => {
  it('lets a person edit only their own table while editing is restricted', () => {
    const { session, check, addContent, contentsOf } = board()
    const mine = addContent('table1', 'Mine', 2, 'ann')
    const theirs = addContent('table2', 'Theirs', 2, 'bob')
    const edit = (card: typeof mine) => ({ records: { [card.id]: { ...card, props: { ...card.props, hours: 4 } } } })
    expect(check(ann, edit(theirs))).toBeNull()
    session.set(SESSION_KEYS.tableEditing, true)
    expect(check(ann, edit(mine))).toBeNull()
    expect(check(ann, edit(theirs))?.rule).toBe('table-editing')
    expect(check(fran, edit(theirs))).toBeNull()
    // Nor can a card be moved from one's own table into another's zone.
    expect(check(ann, { records: { [mine.id]: { ...mine, parentId: contentsOf('table2').id } } })?.rule).toBe('table-editing')
  })

  it('never lets a participant change which table a zone is', () => {
    const { check, contentsOf } = board()
    const zone = contentsOf('table1')
    expect(check(ann, { records: { [zone.id]: { ...zone, meta: { ...zone.meta, tableId: 'table2' } } } })?.rule).toBe('table-editing')
    expect(check(fran, { records: { [zone.id]: { ...zone, meta: { ...zone.meta, tableId: 'table2' } } } })).toBeNull()
  })

  it('keeps the plenary’s cards to the facilitator once the room sits at tables, unless participants may adopt', () => {
    const { session, check, addContent, contentsOf, kv, shapes } = board()
    const plenaryCard = addContent(null, 'Plenary', 2, 'fran')
    const mine = addContent('table1', 'Mine', 2, 'ann')
    const adopted = { ...mine, id: 'shape:adopted', parentId: contentsOf(null).id, meta: { ...mine.meta, createdBy: 'ann', lastEditedBy: 'ann' } }
    const edit = { records: { [plenaryCard.id]: { ...plenaryCard, props: { ...plenaryCard.props, hours: 4 } } } }
    expect(check(ann, { records: { [adopted.id]: adopted } })?.rule).toBe('plenary-writing')
    expect(check(ann, edit)?.rule).toBe('plenary-writing')
    expect(check(ann, { records: { [plenaryCard.id]: undefined } })?.rule).toBe('plenary-writing')
    // Nor moved out of the plenary into one's own table.
    expect(check(ann, { records: { [plenaryCard.id]: { ...plenaryCard, parentId: contentsOf('table1').id } } })?.rule).toBe('plenary-writing')
    expect(check(fran, { records: { [adopted.id]: { ...adopted, meta: { ...adopted.meta, createdBy: 'fran', lastEditedBy: 'fran' } } } })).toBeNull()
    // Her own table, and the open canvas, stay hers to write.
    expect(check(ann, { records: { [mine.id]: { ...mine, props: { ...mine.props, hours: 5 } } } })).toBeNull()
    session.set(SESSION_KEYS.participantsAdopt, true)
    expect(check(ann, { records: { [adopted.id]: adopted } })).toBeNull()
    expect(check(ann, edit)).toBeNull()
    // With editing restricted to tables, the plenary is still open to her when adopting is allowed.
    session.set(SESSION_KEYS.tableEditing, true)
    expect(check(ann, { records: { [adopted.id]: adopted } })).toBeNull()
    // Before the split, the whole room writes the plenary.
    session.set(SESSION_KEYS.participantsAdopt, false)
    session.set(SESSION_KEYS.tableEditing, false)
    session.set(SESSION_KEYS.tables, [])
    for (const s of shapes().filter((s) => s.meta.tableId)) kv.delete(s.id)
    expect(check(ann, edit)).toBeNull()
  })

  it('takes a person’s own pick of a table that exists, only while picking is on', () => {
    const { session, check } = board()
    expect(check(ann, { [SEAT_PICKS_ROOT]: { ann: 'table2' } })?.rule).toBe('seat-picks')
    session.set(SESSION_KEYS.tablePicking, true)
    expect(check(ann, { [SEAT_PICKS_ROOT]: { ann: 'table2' } })).toBeNull()
    expect(check(ann, { [SEAT_PICKS_ROOT]: { ann: 'table9' } })?.message).toMatch(/no such table/)
    expect(check(ann, { [SEAT_PICKS_ROOT]: { bob: 'table2' } })?.rule).toBe('own-keys')
  })
})

describe('write rules: drafting', () => {
  it('takes “I’m done” in one’s own key for the open round only', () => {
    const { session, check } = board()
    expect(check(ann, { [DRAFT_DONE_ROOT]: { ann: 'd1' } })?.rule).toBe('draft-done')
    session.set(SESSION_KEYS.drafting, { status: 'open', scope: { kind: 'board' }, anonymous: false, roundId: 'd1' })
    expect(check(ann, { [DRAFT_DONE_ROOT]: { ann: 'd1' } })).toBeNull()
    expect(check(ann, { [DRAFT_DONE_ROOT]: { ann: 'd0' } })?.rule).toBe('draft-done')
    expect(check(ann, { [DRAFT_DONE_ROOT]: { bob: 'd1' } })?.rule).toBe('own-keys')
    expect(check(bob, { [SESSION_ROOT]: { [SESSION_KEYS.drafting]: null } })?.rule).toBe('session')
  })
})

describe('document format 2', () => {
  it('upgrades a format-1 board in place and leaves a current one alone', () => {
    const doc = new Y.Doc()
    seedBoardDoc(doc, { title: 'Old', templateId: 'blank' })
    doc.getMap('meta').set('format', 1)
    expect(storedDocFormat(doc)).toBe(1)
    expect(upgradeDocFormat(doc)).toBe(true)
    expect(storedDocFormat(doc)).toBe(DOC_FORMAT_VERSION)
    expect(upgradeDocFormat(doc)).toBe(false)
  })

  it('lets the facilitator write format 2 and refuses a newer one', () => {
    const { check } = board()
    expect(check(fran, { meta: { format: 2 } })).toBeNull()
    expect(check(fran, { meta: { format: 3 } })?.rule).toBe('meta')
  })
})
