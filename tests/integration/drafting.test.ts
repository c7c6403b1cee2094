import fs from 'node:fs'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import { newCardMeta } from '../../shared/src/cards/cardMeta'
import { CONTENT_CARD_TYPE } from '../../shared/src/cards/content/contentCard'
import { ZONE_TYPE } from '../../shared/src/cards/zone/zone'
import { readRecords, recordsArray } from '../../shared/src/doc/recordsRoot'
import { SESSION_ROOT } from '../../shared/src/doc/roots'
import { draftDocName } from '../../shared/src/levels/draftDoc'
import { writeSessionValue } from '../../shared/src/session/sessionState'
import type { TavoloConfig } from '../../server/src/config'
import { openSqliteStorage } from '../../server/src/storage/sqlite'
import { EXCLUSIVE_WAIT_MS, openPostgresStorage } from '../../server/src/storage/postgres'
import type { BoardStorage, StoredDocument } from '../../server/src/storage/storage'
import { encodeSyncStep1 } from '../../server/src/relay/protocol'
import { overlaps, type Rect } from '../../shared/src/board/cardPlacement'
import { draftRoundOf } from '../../shared/src/levels/drafting'
import { readSessionValue } from '../../shared/src/session/sessionState'
import { REVEAL_DRAFTS_PATH, type RevealedDrafts } from '../../shared/src/wire/api'
import { contentCardIn } from '../support/contentCard'
import { openRawSocket, upgradeStatus } from '../support/rawsocket'
import { REDIS_URL, createTestDatabase, describeWhenAvailable, postgresUnavailable, redisUnavailable } from '../support/services'
import { createBoardViaApi, makeTempDataDir, startInProcessServer, type InProcessServer } from '../support/server'
import { trackedClients } from '../support/trackedClients'
import { waitFor, waitForSync, type PersonClient, type TestClient } from '../support/yclient'

// Private drafting on the server (issue 10), with stock y-websocket clients holding real links
// and person tokens: each person's draft is a document of its own that only they can open, its
// writes are judged by the draft's rules, and it is stored like a board.

let server: InProcessServer | null = null
let dataDir: string | null = null
afterEach(async () => {
  await server?.stop()
  server = null
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  dataDir = null
})
const { client, person } = trackedClients(() => server!.wsUrl)

type Shape = { id: string; type: string; parentId: string; x: number; y: number; props: Record<string, unknown>; meta: Record<string, unknown> } & Record<string, unknown>
const records = (doc: Y.Doc) => new YKeyValue<unknown>(recordsArray(doc))
const shapes = (doc: Y.Doc) => (readRecords(doc) as Shape[]).filter((r) => r.typeName === 'shape')

/** A board with zones, its facilitator Fran, Ann and Bob, and a drafting round open. */
async function draftingRoom(config: Partial<TavoloConfig> = {}, storage?: BoardStorage) {
  dataDir ??= makeTempDataDir()
  server = await startInProcessServer({ dataDir, config, storage })
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


/** A person's draft as stored, read through a second handle on the server's database. */
async function storedDraft(boardId: string, personId: string): Promise<StoredDocument> {
  const storage = openSqliteStorage(server!.dataDir)
  try {
    return await storage.loadDocument(draftDocName(boardId, personId))
  } finally {
    await storage.close()
  }
}

/** POST REVEAL_DRAFTS_PATH with a secret: the status and the answer. */
async function reveal(boardId: string, secret: string, url = server!.url): Promise<{ status: number; body: RevealedDrafts & { code?: string; error?: string } }> {
  const res = await fetch(`${url}${REVEAL_DRAFTS_PATH(boardId)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secret}` },
    body: '{}',
  })
  return { status: res.status, body: await res.json() }
}

/** A raw socket that asks for the whole document and keeps every byte the server sends it. */
async function listener(boardId: string, secret: string, token?: string, opts: { draft?: boolean } = {}) {
  const ws = await openRawSocket(server!.wsUrl, boardId, secret, token, opts)
  const frames: Buffer[] = []
  ws.on('message', (data: Buffer) => frames.push(Buffer.from(data)))
  ws.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())))
  return {
    heard: (text: string) => frames.some((frame) => frame.includes(Buffer.from(text))),
    frameCount: () => frames.length,
    close: () => ws.close(),
  }
}

const box = (s: Shape): Rect => ({ x: s.x, y: s.y, w: Number(s.props.w), h: Number(s.props.h) })
const stateOf = (stored: StoredDocument) => {
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
  for (const update of stored.updates) Y.applyUpdate(doc, update)
  return readRecords(doc)
}

function closeOf(c: TestClient): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => c.provider.on('connection-close' as never, ((event: { code: number; reason: string } | null) => resolve({ code: event?.code ?? 0, reason: event?.reason ?? '' })) as never))
}

describe('draft documents on the relay', () => {
  it('opens only your own draft: a tokenless draft is refused 401, and another person’s draft=1 is their own, empty', async () => {
    const { board, ann, bob, contents } = await draftingRoom()
    const base = `${server!.wsUrl}/${board.id}?k=${board.secrets.editor}`
    expect((await upgradeStatus(`${base}&draft=1`)).status).toBe(401)
    expect((await upgradeStatus(`${base}&draft=1&p=${bob.token.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'))}`)).status).toBe(401)
    expect((await upgradeStatus(`${base}&draft=yes&p=${bob.token}`)).status).toBe(400)

    const annDraft = draftOf(board, ann)
    await waitForSync(annDraft)
    records(annDraft.doc).set('shape:idea1', contentCardIn('idea1', contents.id, ann.personId, { title: 'Ann only', hours: 2 }))
    // Bob's draft=1 names his own draft: nothing of Ann's ever reaches it.
    const bobDraft = draftOf(board, bob)
    await waitForSync(bobDraft)
    const again = draftOf(board, ann)
    await waitFor(() => records(again.doc).has('shape:idea1'), 'Ann’s card to be stored in her draft')
    expect(shapes(bobDraft.doc)).toEqual([])
    expect(records(bob.doc).has('shape:idea1')).toBe(false)
    expect((await storedDraft(board.id, bob.personId)).updates).toEqual([])
  })

  it('counts draft connections among the board’s connections', async () => {
    const { board, ann, bob } = await draftingRoom({ maxConnectionsPerBoard: 4 })
    await waitForSync(draftOf(board, ann))
    const status = await upgradeStatus(`${server!.wsUrl}/${board.id}?k=${board.secrets.editor}&p=${bob.token}&draft=1`)
    expect(status.status).toBe(503)
  })

  it('refuses with 4403 a draft write of anything but the owner’s own cards, and stores nothing of it', async () => {
    const { board, ann, bob, contents } = await draftingRoom()
    const attempts: Array<[string, (doc: Y.Doc) => void, RegExp]> = [
      ['another createdBy', (doc) => records(doc).set('shape:x', contentCardIn('x', contents.id, bob.personId, { title: 'Forged', hours: 2 })), /createdBy must be its owner/],
      ['a zone', (doc) => records(doc).set(contents.id, { ...contents, meta: newCardMeta(ann.personId, 1) }), /cards only/],
      ['a page', (doc) => records(doc).set('page:other', { id: 'page:other', typeName: 'page', name: 'P', index: 'a2', meta: {} }), /cards only/],
      ['an invalid card', (doc) => records(doc).set('shape:y', { ...contentCardIn('y', contents.id, ann.personId, { title: 'Bad', hours: 2 }), props: { hours: 'many' } }), /invalid/],
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
    records(draft.doc).set('shape:ok', contentCardIn('ok', contents.id, ann.personId, { title: 'Fine', hours: 2 }))
    const reader = draftOf(board, ann)
    await waitFor(() => records(reader.doc).has('shape:ok'), 'the honest card to be stored')
    expect(records(reader.doc).has('shape:x')).toBe(false)
  })
})

describe('revealing the drafts', () => {
  it('never lets a byte of a private card reach anyone else before the reveal, then brings it to everyone', async () => {
    const { board, fran, ann, bob, contents } = await draftingRoom()
    // Listening the whole time: a raw reader on the board, Bob's own draft, and Fran's stock client.
    const onBoard = await listener(board.id, board.secrets.viewer)
    const bobsDraft = await listener(board.id, board.secrets.editor, bob.token, { draft: true })
    const secret = `SECRET-${Math.random().toString(36).slice(2)}`
    const annDraft = draftOf(board, ann)
    await waitForSync(annDraft)
    records(annDraft.doc).set('shape:private', contentCardIn('private', contents.id, ann.personId, { title: secret, hours: 2 }))
    // Stored: a second connection of Ann's gets it from the server.
    const annAgain = draftOf(board, ann)
    await waitFor(() => records(annAgain.doc).has('shape:private'), 'the private card to be stored')
    await waitFor(() => onBoard.frameCount() > 0 && bobsDraft.frameCount() > 0, 'the listeners to be answered')
    expect(onBoard.heard(secret)).toBe(false)
    expect(bobsDraft.heard(secret)).toBe(false)
    expect(JSON.stringify(fran.doc.toJSON())).not.toContain(secret)
    expect(JSON.stringify(bob.doc.toJSON())).not.toContain(secret)

    const { status, body } = await reveal(board.id, board.secrets.facilitator)
    expect(status).toBe(200)
    expect(body).toEqual({ cards: 1, people: 1 })
    await waitFor(() => onBoard.heard(secret), 'the revealed card to reach the board listener')
    await waitFor(() => records(bob.doc).has('shape:private'), 'the revealed card to reach Bob')
    expect(bobsDraft.heard(secret)).toBe(false)
    onBoard.close()
    bobsDraft.close()
  })

  it('brings in the cards of a person who left, in their zones without overlap, and leaves every draft empty, also after a restart', async () => {
    const { board, fran, ann, bob, contents } = await draftingRoom()
    const annDraft = draftOf(board, ann)
    const bobDraft = draftOf(board, bob)
    await Promise.all([waitForSync(annDraft), waitForSync(bobDraft)])
    // Both drafted at the same place, where a starter card already sits.
    records(annDraft.doc).set('shape:ann1', contentCardIn('ann1', contents.id, ann.personId, { title: 'Ann one', hours: 2 }))
    records(annDraft.doc).set('shape:ann2', contentCardIn('ann2', contents.id, ann.personId, { title: 'Ann two', hours: 2 }))
    records(bobDraft.doc).set('shape:bob1', contentCardIn('bob1', contents.id, bob.personId, { title: 'Bob one', hours: 2 }))
    const [annAgain, bobAgain] = [draftOf(board, ann), draftOf(board, bob)]
    await waitFor(() => shapes(annAgain.doc).length === 2 && shapes(bobAgain.doc).length === 1, 'the drafts to be stored')
    // Ann leaves: her connections close and her draft's room unloads; only storage holds her cards.
    const annKey = ann.personId
    for (const c of [annDraft, annAgain, ann, bobAgain]) c.destroy()
    // Left: Fran, Bob and Bob's draft; loaded: the board and Bob's draft.
    await waitFor(() => server!.server.stats().connections === 3 && server!.server.stats().loadedRooms === 2, 'Ann’s draft room to unload')

    const { status, body } = await reveal(board.id, board.secrets.facilitator)
    expect(status).toBe(200)
    expect(body).toEqual({ cards: 3, people: 2 })
    await waitFor(() => ['shape:ann1', 'shape:ann2', 'shape:bob1'].every((id) => records(fran.doc).has(id)), 'the cards to reach Fran')
    const inZone = shapes(fran.doc).filter((s) => s.parentId === contents.id)
    for (const id of ['shape:ann1', 'shape:ann2', 'shape:bob1']) {
      const card = inZone.find((s) => s.id === id)!
      expect(draftRoundOf(card.meta)).toBe('round1')
      for (const other of inZone) if (other.id !== id) expect(overlaps(box(card), box(other)), `${id} and ${other.id}`).toBe(false)
      expect(card.x + Number(card.props.w)).toBeLessThanOrEqual(Number((records(fran.doc).get(contents.id) as Shape).props.w))
    }
    expect(readSessionValue(fran.doc.getMap(SESSION_ROOT).toJSON(), 'drafting')).toEqual({ status: 'closed', scope: { kind: 'board' }, anonymous: false, roundId: 'round1' })
    // Bob, still connected, sees his private copy go; Ann's stored draft is empty too.
    await waitFor(() => shapes(bobDraft.doc).length === 0, 'Bob’s draft to empty')
    expect(stateOf(await storedDraft(board.id, annKey))).toEqual([])
    // A revealed card is an ordinary card: its author edits it on the board.
    const bobCard = records(bob.doc).get('shape:bob1') as Shape
    records(bob.doc).set(bobCard.id, { ...bobCard, props: { ...bobCard.props, hours: 6 } })
    await waitFor(() => (records(fran.doc).get('shape:bob1') as Shape | undefined)?.props.hours === 6, 'Bob’s edit of his revealed card')

    // After a restart: the cards are on the board, the drafts empty, and a second reveal finds nothing.
    await server!.stop()
    server = await startInProcessServer({ dataDir: dataDir! })
    const reader = client(board.id, board.secrets.viewer)
    await waitForSync(reader)
    expect(['shape:ann1', 'shape:ann2', 'shape:bob1'].every((id) => records(reader.doc).has(id))).toBe(true)
    expect(stateOf(await storedDraft(board.id, annKey))).toEqual([])
    expect(stateOf(await storedDraft(board.id, bob.personId))).toEqual([])
    expect(await reveal(board.id, board.secrets.facilitator)).toEqual({ status: 200, body: { cards: 0, people: 0 } })
  })

  it('brings each card in once when two reveals run at the same time', async () => {
    const { board, fran, ann, bob, contents } = await draftingRoom()
    const drafts = [draftOf(board, ann), draftOf(board, bob)]
    await Promise.all(drafts.map((draft) => waitForSync(draft)))
    for (let i = 0; i < 3; i++) records(drafts[0].doc).set(`shape:a${i}`, contentCardIn(`a${i}`, contents.id, ann.personId, { title: `Ann ${i}`, hours: 2 }))
    records(drafts[1].doc).set('shape:b0', contentCardIn('b0', contents.id, bob.personId, { title: 'Bob 0', hours: 2 }))
    const readers = [draftOf(board, ann), draftOf(board, bob)]
    await waitFor(() => shapes(readers[0].doc).length === 3 && shapes(readers[1].doc).length === 1, 'the drafts to be stored')
    const answers = await Promise.all([reveal(board.id, board.secrets.facilitator), reveal(board.id, board.secrets.facilitator)])
    expect(answers.map((a) => a.status)).toEqual([200, 200])
    expect(answers.map((a) => a.body).sort((x, y) => y.cards - x.cards)).toEqual([{ cards: 4, people: 2 }, { cards: 0, people: 0 }])
    await waitFor(() => shapes(fran.doc).filter((s) => draftRoundOf(s.meta) === 'round1').length >= 4, 'the cards to reach Fran')
    const revealed = shapes(fran.doc).filter((s) => draftRoundOf(s.meta) === 'round1')
    expect(revealed.map((s) => s.props.title).sort()).toEqual(['Ann 0', 'Ann 1', 'Ann 2', 'Bob 0'])
  })

  it('refuses the reveal (503) and moves nothing when a room cannot catch up from storage; a later reveal works', async () => {
    dataDir = makeTempDataDir()
    const real = openSqliteStorage(dataDir)
    let catchUpFails = false
    const failing: BoardStorage = {
      ...real,
      async loadDocument(boardId, afterSeq) {
        // A catch-up reads from the room's position; loading a room reads everything.
        if (catchUpFails && afterSeq !== undefined) throw new Error('the disk is gone')
        return real.loadDocument(boardId, afterSeq)
      },
    }
    const { board, fran, ann, contents } = await draftingRoom({}, failing)
    const annDraft = draftOf(board, ann)
    await waitForSync(annDraft)
    records(annDraft.doc).set('shape:held', contentCardIn('held', contents.id, ann.personId, { title: 'Held back', hours: 2 }))
    const annAgain = draftOf(board, ann)
    await waitFor(() => records(annAgain.doc).has('shape:held'), 'the card to be stored')
    const boardBefore = stateOf(await real.loadDocument(board.id))

    catchUpFails = true
    const refused = await reveal(board.id, board.secrets.facilitator)
    expect(refused.status).toBe(503)
    expect(refused.body.error).toMatch(/no draft was moved/)
    expect(stateOf(await real.loadDocument(board.id))).toEqual(boardBefore)
    expect(stateOf(await storedDraft(board.id, ann.personId))).toHaveLength(1)
    expect(records(fran.doc).has('shape:held')).toBe(false)

    catchUpFails = false
    expect(await reveal(board.id, board.secrets.facilitator)).toEqual({ status: 200, body: { cards: 1, people: 1 } })
    await waitFor(() => records(fran.doc).has('shape:held'), 'the card to reach Fran')
    await waitFor(() => shapes(annAgain.doc).length === 0, 'Ann’s draft to empty')
  })

  it('answers 403 to anyone but the facilitator, 401 without a secret and 404 for an unknown board, revealing nothing', async () => {
    const { board, ann, contents } = await draftingRoom()
    const annDraft = draftOf(board, ann)
    await waitForSync(annDraft)
    records(annDraft.doc).set('shape:kept', contentCardIn('kept', contents.id, ann.personId, { title: 'Kept private', hours: 2 }))
    const annAgain = draftOf(board, ann)
    await waitFor(() => records(annAgain.doc).has('shape:kept'), 'the card to be stored')
    for (const secret of [board.secrets.editor, board.secrets.viewer]) {
      const { status, body } = await reveal(board.id, secret)
      expect(status).toBe(403)
      expect(body.code).toBe('facilitator-only')
    }
    expect((await reveal(board.id, '')).status).toBe(401)
    expect((await reveal('AAAAAAAAAAAAAAAAAAAAAA', board.secrets.facilitator)).status).toBe(404)
    expect(stateOf(await storedDraft(board.id, ann.personId))).toHaveLength(1)
    const reader = client(board.id, board.secrets.viewer)
    await waitForSync(reader)
    expect(records(reader.doc).has('shape:kept')).toBe(false)
  })
})

describeWhenAvailable('drafts on PostgreSQL', await postgresUnavailable(), () => {
  it('stores a draft and reveals it, a departed person’s included, across a restart', async () => {
    const database = await createTestDatabase()
    try {
      const { board, fran, ann, contents } = await draftingRoom({ databaseUrl: database.url })
      const annDraft = draftOf(board, ann)
      await waitForSync(annDraft)
      records(annDraft.doc).set('shape:pg', contentCardIn('pg', contents.id, ann.personId, { title: 'On PostgreSQL', hours: 2 }))
      const annAgain = draftOf(board, ann)
      await waitFor(() => records(annAgain.doc).has('shape:pg'), 'the card to be stored')
      for (const c of [annDraft, annAgain]) c.destroy()
      await waitFor(() => server!.server.stats().loadedRooms === 1, 'Ann’s draft room to unload')
      expect(await reveal(board.id, board.secrets.facilitator)).toEqual({ status: 200, body: { cards: 1, people: 1 } })
      await waitFor(() => records(fran.doc).has('shape:pg'), 'the card to reach Fran')

      await server!.stop()
      server = await startInProcessServer({ dataDir: dataDir!, config: { databaseUrl: database.url } })
      const [reader, annDraftAfter] = [client(board.id, board.secrets.viewer), draftOf(board, ann)]
      await Promise.all([waitForSync(reader), waitForSync(annDraftAfter)])
      expect(records(reader.doc).has('shape:pg')).toBe(true)
      expect(shapes(annDraftAfter.doc)).toEqual([])
      expect(await reveal(board.id, board.secrets.facilitator)).toEqual({ status: 200, body: { cards: 0, people: 0 } })
    } finally {
      await server?.stop()
      server = null
      await database.drop()
    }
  })
})

describeWhenAvailable('a reveal held up on PostgreSQL', await postgresUnavailable(), () => {
  it('answers 409 reveal-busy, revealing nothing, when another instance keeps the board’s reveal too long', async () => {
    const database = await createTestDatabase()
    const other = new pg.Client({ connectionString: database.url })
    try {
      const { board, ann, contents } = await draftingRoom({ databaseUrl: database.url })
      const annDraft = draftOf(board, ann)
      await waitForSync(annDraft)
      records(annDraft.doc).set('shape:waits', contentCardIn('waits', contents.id, ann.personId, { title: 'Waits', hours: 2 }))
      const annAgain = draftOf(board, ann)
      await waitFor(() => records(annAgain.doc).has('shape:waits'), 'the card to be stored')
      // Another instance stuck in the middle of revealing this board holds its lock.
      await other.connect()
      await other.query('SELECT pg_advisory_lock($1, hashtext($2))', [0x7a03, board.id])
      const { status, body } = await reveal(board.id, board.secrets.facilitator)
      expect(status).toBe(409)
      expect(body).toMatchObject({ code: 'reveal-busy', error: "another server is revealing this board's drafts: try again" })
      expect(shapes(annAgain.doc)).toHaveLength(1)
    } finally {
      await other.end()
      await server?.stop()
      server = null
      await database.drop()
    }
  }, EXCLUSIVE_WAIT_MS + 30_000)
})

describeWhenAvailable('reveals on two instances over PostgreSQL and Redis', (await postgresUnavailable()) ?? (await redisUnavailable()), () => {
  it('brings each card in once when two facilitators reveal at the same time on different instances', async () => {
    const database = await createTestDatabase()
    const config = { databaseUrl: database.url, redisUrl: REDIS_URL }
    const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined }
    const [storageA, storageB] = await Promise.all([openPostgresStorage(database.url, quiet), openPostgresStorage(database.url, quiet)])
    // Once armed, neither instance stores anything until the other's reveal has asked for the
    // lock or, were there none, planned (its first write): both reveals are under way at once,
    // so without the lock both would place every card.
    let armed = false
    const underWay = new Map<BoardStorage, () => void>()
    const whenUnderWay = new Map<BoardStorage, Promise<void>>()
    for (const storage of [storageA, storageB]) whenUnderWay.set(storage, new Promise<void>((resolve) => underWay.set(storage, resolve)))
    const gated = (storage: BoardStorage, other: BoardStorage): BoardStorage => ({
      ...storage,
      exclusively(boardId, work) {
        if (armed) underWay.get(storage)!()
        return storage.exclusively(boardId, work)
      },
      async appendUpdates(boardId, updates) {
        if (armed) {
          underWay.get(storage)!()
          await whenUnderWay.get(other)
        }
        return storage.appendUpdates(boardId, updates)
      },
    })
    let instanceB: InProcessServer | null = null
    try {
      // Everyone drafts on A (its rooms hold the drafts); B holds nothing until its reveal.
      const { board, fran, ann, bob, contents } = await draftingRoom(config, gated(storageA, storageB))
      instanceB = await startInProcessServer({ dataDir: dataDir!, config, storage: gated(storageB, storageA) })
      const drafts = [draftOf(board, ann), draftOf(board, bob)]
      await Promise.all(drafts.map((draft) => waitForSync(draft)))
      for (let i = 0; i < 3; i++) records(drafts[0].doc).set(`shape:a${i}`, contentCardIn(`a${i}`, contents.id, ann.personId, { title: `Ann ${i}`, hours: 2 }))
      records(drafts[1].doc).set('shape:b0', contentCardIn('b0', contents.id, bob.personId, { title: 'Bob 0', hours: 2 }))
      const storedCards = async () =>
        (await Promise.all([ann, bob].map(async (p) => stateOf(await storageA.loadDocument(draftDocName(board.id, p.personId))).length))).join()
      for (let tries = 0; (await storedCards()) !== '3,1'; tries++) {
        if (tries > 100) throw new Error('the drafts were not stored')
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      armed = true
      const answers = await Promise.all([reveal(board.id, board.secrets.facilitator, server!.url), reveal(board.id, board.secrets.facilitator, instanceB.url)])
      expect(answers.map((a) => a.status)).toEqual([200, 200])
      expect(answers.map((a) => a.body).sort((x, y) => y.cards - x.cards)).toEqual([{ cards: 4, people: 2 }, { cards: 0, people: 0 }])
      await waitFor(() => shapes(fran.doc).filter((s) => draftRoundOf(s.meta) === 'round1').length >= 4, 'the cards to reach Fran')
      const revealed = shapes(fran.doc).filter((s) => draftRoundOf(s.meta) === 'round1')
      expect(revealed.map((s) => s.props.title).sort()).toEqual(['Ann 0', 'Ann 1', 'Ann 2', 'Bob 0'])
      expect(await storedCards()).toBe('0,0')
    } finally {
      await server?.stop()
      server = null
      await instanceB?.stop()
      await database.drop()
    }
  })
})
