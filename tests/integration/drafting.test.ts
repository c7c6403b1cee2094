import { afterEach, describe, expect, it } from 'vitest'
import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import { newCardMeta } from '../../shared/src/cards/cardMeta'
import { CONTENT_CARD_TYPE, defaultContentCardProps } from '../../shared/src/cards/content/contentCard'
import { ZONE_TYPE } from '../../shared/src/cards/zone/zone'
import { readRecords, recordsArray } from '../../shared/src/doc/recordsRoot'
import { SESSION_ROOT } from '../../shared/src/doc/roots'
import { draftDocName } from '../../shared/src/levels/drafting'
import { writeSessionValue } from '../../shared/src/session/sessionState'
import { openSqliteStorage } from '../../server/src/storage/sqlite'
import type { StoredDocument } from '../../server/src/storage/storage'
import { upgradeStatus } from '../support/rawsocket'
import { createBoardViaApi, startInProcessServer, type InProcessServer } from '../support/server'
import { trackedClients } from '../support/trackedClients'
import { waitFor, waitForSync, type PersonClient, type TestClient } from '../support/yclient'

// Private drafting on the server (issue 10), with stock y-websocket clients holding real links
// and person tokens: each person's draft is a document of its own that only they can open, its
// writes are judged by the draft's rules, and it is stored like a board.

let server: InProcessServer | null = null
afterEach(async () => {
  await server?.stop()
  server = null
})
const { client, person } = trackedClients(() => server!.wsUrl)

type Shape = { id: string; type: string; parentId: string; x: number; y: number; props: Record<string, unknown>; meta: Record<string, unknown> } & Record<string, unknown>
const records = (doc: Y.Doc) => new YKeyValue<unknown>(recordsArray(doc))
const shapes = (doc: Y.Doc) => (readRecords(doc) as Shape[]).filter((r) => r.typeName === 'shape')

/** A board with zones, its facilitator Fran, Ann and Bob, and a drafting round open. */
async function draftingRoom() {
  server = await startInProcessServer()
  const board = await createBoardViaApi(server.url, { title: 'Drafts', template: 'msc-public-services' })
  const [fran, ann, bob] = await Promise.all([
    person(board.id, board.secrets.facilitator, { name: 'Fran', role: 'facilitator' }),
    person(board.id, board.secrets.editor, { name: 'Ann', role: 'citizen' }),
    person(board.id, board.secrets.editor, { name: 'Bob', role: 'professional' }),
  ])
  await Promise.all([waitForSync(fran), waitForSync(ann), waitForSync(bob)])
  writeSessionValue(fran.doc.getMap(SESSION_ROOT), 'drafting', { status: 'open', scope: { kind: 'board' }, anonymous: false, roundId: 'round1' })
  await waitFor(() => ann.doc.getMap(SESSION_ROOT).has('drafting') && bob.doc.getMap(SESSION_ROOT).has('drafting'), 'the round to open for everyone')
  const zones = shapes(fran.doc).filter((s) => s.type === ZONE_TYPE)
  const contents = zones.find((z) => (z.props.accepts as string[]).includes(CONTENT_CARD_TYPE))!
  return { board, fran, ann, bob, zones, contents }
}

/** A person's own draft document, through `?draft=1` with their token. */
function draftOf(board: { id: string; secrets: { editor: string } }, who: PersonClient): TestClient {
  return client(board.id, board.secrets.editor, { token: who.token, draft: true })
}

/** A content card as a client drafts it: in a board zone, where the palette would put it. */
function contentCard(id: string, title: string, zoneId: string, createdBy: string): Shape {
  return {
    id: `shape:${id}`,
    typeName: 'shape',
    type: CONTENT_CARD_TYPE,
    x: 24,
    y: 64,
    rotation: 0,
    index: 'a1',
    parentId: zoneId,
    isLocked: false,
    opacity: 1,
    props: { ...defaultContentCardProps(), title, hours: 2 },
    meta: newCardMeta(createdBy, 1),
  } as Shape
}

/** A person's draft as stored, read through a second handle on the server's database. */
async function storedDraft(boardId: string, personId: string): Promise<StoredDocument> {
  const storage = openSqliteStorage(server!.dataDir)
  try {
    return await storage.loadDocument(draftDocName(boardId, personId))
  } finally {
    await storage.close()
  }
}

function closeOf(c: TestClient): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => c.provider.on('connection-close' as never, ((event: { code: number; reason: string } | null) => resolve({ code: event?.code ?? 0, reason: event?.reason ?? '' })) as never))
}

describe('draft documents on the relay', () => {
  it('opens only your own draft: a tokenless draft is refused 401, and another person’s draft=1 is their own, empty', async () => {
    const { board, ann, bob, contents } = await draftingRoom()
    const base = `${server!.wsUrl}/${board.id}?k=${board.secrets.editor}`
    expect((await upgradeStatus(`${base}&draft=1`)).status).toBe(401)
    expect((await upgradeStatus(`${base}&draft=1&p=${bob.token.replace(/.$/, 'A')}`)).status).toBe(401)
    expect((await upgradeStatus(`${base}&draft=yes&p=${bob.token}`)).status).toBe(400)

    const annDraft = draftOf(board, ann)
    await waitForSync(annDraft)
    records(annDraft.doc).set('shape:idea1', contentCard('idea1', 'Ann only', contents.id, ann.personId))
    // Bob's draft=1 names his own draft: nothing of Ann's ever reaches it.
    const bobDraft = draftOf(board, bob)
    await waitForSync(bobDraft)
    const again = draftOf(board, ann)
    await waitFor(() => records(again.doc).has('shape:idea1'), 'Ann’s card to be stored in her draft')
    expect(shapes(bobDraft.doc)).toEqual([])
    expect(records(bob.doc).has('shape:idea1')).toBe(false)
    expect((await storedDraft(board.id, bob.personId)).updates).toEqual([])
  })

  it('refuses with 4403 a draft write of anything but the owner’s own cards, and stores nothing of it', async () => {
    const { board, ann, bob, contents } = await draftingRoom()
    const attempts: Array<[string, (doc: Y.Doc) => void, RegExp]> = [
      ['another createdBy', (doc) => records(doc).set('shape:x', contentCard('x', 'Forged', contents.id, bob.personId)), /createdBy must be its owner/],
      ['a zone', (doc) => records(doc).set(contents.id, { ...contents, meta: newCardMeta(ann.personId, 1) }), /cards only/],
      ['a page', (doc) => records(doc).set('page:other', { id: 'page:other', typeName: 'page', name: 'P', index: 'a2', meta: {} }), /cards only/],
      ['an invalid card', (doc) => records(doc).set('shape:y', { ...contentCard('y', 'Bad', contents.id, ann.personId), props: { hours: 'many' } }), /invalid/],
      ['another root', (doc) => doc.getMap(SESSION_ROOT).set('phase', 3), /records only/],
    ]
    for (const [what, write, reason] of attempts) {
      const draft = draftOf(board, ann)
      await waitForSync(draft)
      const closed = closeOf(draft)
      write(draft.doc)
      const info = await closed
      expect(info.code, what).toBe(4403)
      expect(info.reason, what).toMatch(reason)
      draft.destroy()
    }
    const stored = await storedDraft(board.id, ann.personId)
    expect([stored.snapshot, stored.updates], 'nothing of the refused writes is stored').toEqual([null, []])
    // The honest write still goes through afterwards.
    const draft = draftOf(board, ann)
    await waitForSync(draft)
    records(draft.doc).set('shape:ok', contentCard('ok', 'Fine', contents.id, ann.personId))
    const reader = draftOf(board, ann)
    await waitFor(() => records(reader.doc).has('shape:ok'), 'the honest card to be stored')
    expect(records(reader.doc).has('shape:x')).toBe(false)
  })
})
