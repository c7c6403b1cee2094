import { afterEach, describe, expect, it } from 'vitest'
import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import { CONTENT_CARD, CONTENT_CARD_TYPE } from '../../shared/src/cards/content/contentCard'
import { ZONE_TYPE } from '../../shared/src/cards/zone/zone'
import { readRecords, recordsArray } from '../../shared/src/doc/recordsRoot'
import { BUDGETS_ROOT, SESSION_ROOT } from '../../shared/src/doc/roots'
import { budgetKey } from '../../shared/src/levels/budgets'
import { planSplit } from '../../shared/src/levels/splitRoom'
import { writeSessionValue } from '../../shared/src/session/sessionState'
import { createBoardViaApi, startInProcessServer, type InProcessServer } from '../support/server'
import { trackedClients } from '../support/trackedClients'
import { waitFor, waitForSync, type TestClient } from '../support/yclient'

// The levels' server-enforced rules, with stock y-websocket clients holding real links and person
// tokens: a restricted room keeps each person to their own table, and a budget ballot over the
// target is refused. A refused writer is closed with 4403 and nothing of its write is kept.

let server: InProcessServer | null = null
afterEach(async () => {
  await server?.stop()
  server = null
})
const { client, person } = trackedClients(() => server!.wsUrl)

type Shape = { id: string; type: string; parentId: string; props: Record<string, unknown>; meta: Record<string, unknown> } & Record<string, unknown>
const records = (doc: Y.Doc) => new YKeyValue<unknown>(recordsArray(doc))
const shapes = (doc: Y.Doc) => (readRecords(doc) as Shape[]).filter((r) => r.typeName === 'shape')

/** A room of two tables: Ann (citizen) at table 1, Bob (professional) at table 2, each with a card. */
async function splitRoom() {
  server = await startInProcessServer()
  const board = await createBoardViaApi(server.url, { title: 'Levels', template: 'msc-public-services' })
  const [fran, ann, bob] = await Promise.all([
    person(board.id, board.secrets.facilitator, { name: 'Fran', role: 'facilitator' }),
    person(board.id, board.secrets.editor, { name: 'Ann', role: 'citizen' }),
    person(board.id, board.secrets.editor, { name: 'Bob', role: 'professional' }),
  ])
  await Promise.all([waitForSync(fran), waitForSync(ann), waitForSync(bob)])
  let n = 0
  const plan = planSplit({
    count: 2,
    mode: 'hand',
    people: [],
    records: readRecords(fran.doc),
    random: Math.random,
    tableId: (i) => `table${i + 1}`,
    tableName: (i) => `Table ${i + 1}`,
    at: Date.now(),
    newId: () => `shape:copy${++n}` as never,
  })!
  fran.doc.transact(() => {
    const kv = records(fran.doc)
    for (const zone of plan.zones) kv.set(zone.id, zone)
    const session = fran.doc.getMap<unknown>(SESSION_ROOT)
    writeSessionValue(session, 'tables', plan.tables)
    writeSessionValue(session, 'seating', { [ann.personId]: 'table1', [bob.personId]: 'table2' })
  })
  const contents = (tableId: string) =>
    shapes(fran.doc).find((s) => s.type === ZONE_TYPE && s.meta.tableId === tableId && (s.props.accepts as string[]).includes(CONTENT_CARD_TYPE))!
  await waitFor(() => shapes(ann.doc).length === shapes(fran.doc).length && shapes(bob.doc).length === shapes(fran.doc).length, 'the tables to reach everyone')
  const cardOf = (c: TestClient, personId: string, tableId: string, title: string): Shape => {
    const card = {
      ...shapes(c.doc).find((s) => s.type === CONTENT_CARD_TYPE)!,
      id: `shape:${title}`,
      parentId: contents(tableId).id,
      x: 24,
      y: 64,
      props: { ...CONTENT_CARD.defaultProps(), title, hours: 4 },
      meta: { createdBy: personId, createdAt: 1, lastEditedBy: personId, lastEditedAt: 1 },
    }
    records(c.doc).set(card.id, card)
    return card as Shape
  }
  const annCard = cardOf(ann, ann.personId, 'table1', 'annscard')
  const bobCard = cardOf(bob, bob.personId, 'table2', 'bobscard')
  await waitFor(() => records(fran.doc).has(annCard.id) && records(fran.doc).has(bobCard.id) && records(ann.doc).has(bobCard.id), 'both cards to reach everyone')
  return { board, fran, ann, bob, ids: { ann: ann.personId, bob: bob.personId }, annCard, bobCard }
}

function closeOf(c: TestClient): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => c.provider.on('closed' as never, ((info: { code: number; reason: string }) => resolve(info)) as never))
}

describe('tables on the server', () => {
  it('lets anyone edit any table until the facilitator restricts editing, then refuses another table’s card with 4403', async () => {
    const { fran, ann, annCard, bobCard } = await splitRoom()
    const edit = (card: Shape, hours: number) => records(ann.doc).set(card.id, { ...card, props: { ...card.props, hours } })
    edit(bobCard, 6)
    await waitFor(() => (records(fran.doc).get(bobCard.id) as Shape).props.hours === 6, 'an unrestricted edit of another table')

    writeSessionValue(fran.doc.getMap(SESSION_ROOT), 'tableEditing', true)
    await waitFor(() => ann.doc.getMap(SESSION_ROOT).get('tableEditing') === true, 'the restriction to reach Ann')
    edit(annCard, 8)
    await waitFor(() => (records(fran.doc).get(annCard.id) as Shape).props.hours === 8, 'an edit at her own table')

    const closed = closeOf(ann)
    edit(bobCard, 9)
    const info = await closed
    expect(info.code).toBe(4403)
    expect(info.reason).toMatch(/another table/)
    // Nothing of the refused write was kept or relayed.
    const reader = client(ann.provider.roomname, new URL(ann.provider.url).searchParams.get('k')!)
    await waitForSync(reader)
    expect((records(reader.doc).get(bobCard.id) as Shape).props.hours).toBe(6)
  })
})

describe('adopting into the plenary on the server', () => {
  it('refuses a participant’s adopted card with 4403 until the facilitator lets participants adopt, then keeps and relays it', async () => {
    const { fran, ann, bob, annCard, bobCard, ids } = await splitRoom()
    const plenaryContents = shapes(fran.doc).find(
      (s) => s.type === ZONE_TYPE && s.meta.tableId === undefined && (s.props.accepts as string[]).includes(CONTENT_CARD_TYPE),
    )!
    const adoptedBy = (c: TestClient, personId: string, card: Shape, id: string) => {
      const { meta } = card
      const copy = { ...card, id, parentId: plenaryContents.id, meta: { ...meta, createdBy: personId, lastEditedBy: personId, adoptedFrom: { tableId: 'table2', cardId: card.id, authors: [meta.createdBy], roles: {} } } }
      records(c.doc).set(copy.id, copy)
    }
    const closed = closeOf(ann)
    adoptedBy(ann, ids.ann, bobCard, 'shape:annadopts')
    const info = await closed
    expect(info.code).toBe(4403)
    expect(info.reason).toMatch(/the facilitator adopts cards into the plenary/)

    writeSessionValue(fran.doc.getMap(SESSION_ROOT), 'participantsAdopt', true)
    await waitFor(() => bob.doc.getMap(SESSION_ROOT).get('participantsAdopt') === true, 'the permission to reach Bob')
    adoptedBy(bob, ids.bob, annCard, 'shape:bobadopts')
    await waitFor(() => records(fran.doc).has('shape:bobadopts'), 'Bob’s adopted card to reach the facilitator')
    expect((records(fran.doc).get('shape:bobadopts') as Shape).meta.adoptedFrom).toMatchObject({ cardId: annCard.id })
    // Ann's refused card was never kept: a fresh reader sees Bob's adoption and not hers.
    const reader = client(ann.provider.roomname, new URL(ann.provider.url).searchParams.get('k')!)
    await waitForSync(reader)
    expect(records(reader.doc).has('shape:bobadopts')).toBe(true)
    expect(records(reader.doc).has('shape:annadopts')).toBe(false)
  })
})

describe('hour budgets on the server', () => {
  it('takes a ballot within the target and refuses one over it with 4403, keeping the earlier ballot', async () => {
    const { fran, ann, annCard, bobCard, ids } = await splitRoom()
    writeSessionValue(fran.doc.getMap(SESSION_ROOT), 'budget', { status: 'open', scope: 'tables', targetHours: 50, roundId: 'b1' })
    await waitFor(() => ann.doc.getMap(SESSION_ROOT).has('budget'), 'the round to open for Ann')
    const budgets = ann.doc.getMap<unknown>(BUDGETS_ROOT)
    ann.doc.transact(() => {
      budgets.set(budgetKey(annCard.id, ids.ann), 30)
      budgets.set(budgetKey(bobCard.id, ids.ann), 20)
    })
    await waitFor(() => fran.doc.getMap(BUDGETS_ROOT).size === 2, 'a ballot of exactly 50 h to be kept')

    const closed = closeOf(ann)
    budgets.set(budgetKey(bobCard.id, ids.ann), 20.5)
    const info = await closed
    expect(info.code).toBe(4403)
    expect(info.reason).toMatch(/50 h per person/)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(fran.doc.getMap(BUDGETS_ROOT).get(budgetKey(bobCard.id, ids.ann))).toBe(20)
  })
})
