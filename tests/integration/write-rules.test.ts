import fs from 'node:fs'
import type { Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import { ZONE_TYPE } from '../../shared/src/cards/zone/zone'
import { readRecords } from '../../shared/src/doc/recordsRoot'
import { makeTables } from '../../shared/src/levels/tables'
import { META_ROOT, PEOPLE_ROOT, RATINGS_ROOT, RECORDS_ROOT, SESSION_ROOT, VOTES_ROOT } from '../../shared/src/doc/roots'
import { withLock } from '../../shared/src/session/locks'
import { readSessionValue, writeSessionValue } from '../../shared/src/session/sessionState'
import { startVotingRound } from '../../shared/src/session/startVotingRound'
import { openVotingRound } from '../../shared/src/session/votingRound'
import type { TavoloConfig } from '../../server/src/config'
import { encodeAwarenessEntries } from '../../server/src/relay/awarenessUpdate'
import { messageYjsSyncStep2 } from 'y-protocols/sync'
import { messageSync } from 'y-websocket'
import { encodeAwareness, encodeSyncStep1, encodeUpdate } from '../../server/src/relay/protocol'
import { MAX_NEW_PRESENCE_IDS } from '../../server/src/relay/rules/presenceOwnership'
import { openRawSocket, upgradeStatus, waitForClose } from '../support/rawsocket'
import { openSqliteStorage } from '../../server/src/storage/sqlite'
import type { BoardStorage } from '../../server/src/storage/storage'
import { createBoardViaApi, joinBoardViaApi, makeTempDataDir, startInProcessServer, type InProcessServer } from '../support/server'
import type { CreatedBoard } from '../../shared/src/wire/api'
import { writeIdea } from '../support/ideaCards'
import { trackedClients } from '../support/trackedClients'
import { waitFor, waitForSync, type TestClient } from '../support/yclient'

// Issue 9's attacks, each made by a stock y-websocket client holding a real link and person
// token: each is refused with its close code, nothing of it is stored or relayed, and the honest
// clients on the board go on.

let server: InProcessServer | null = null
/** Data folders a test made itself (to open its own storage on them), removed after it. */
const dataDirs: string[] = []
afterEach(async () => {
  await server?.stop()
  server = null
  for (const dir of dataDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})
const { client, person } = trackedClients(() => server!.wsUrl)

type Shape = { id: string; type: string; parentId: string; x: number; props: Record<string, unknown>; meta: Record<string, unknown> } & Record<string, unknown>

interface Workshop {
  board: CreatedBoard
  facilitator: TestClient
  honest: TestClient
  attacker: TestClient
  ids: { facilitator: string; honest: string; attacker: string }
  tokens: { facilitator: string; honest: string; attacker: string }
  shapes: Shape[]
}

async function workshop(config: Partial<TavoloConfig> = {}, parts: { dataDir?: string; storage?: BoardStorage } = {}): Promise<Workshop> {
  server = await startInProcessServer({ config, ...parts })
  const board = await createBoardViaApi(server.url, { title: 'Guarded', template: 'msc-public-services' })
  const [facilitator, honest, attacker] = await Promise.all([
    person(board.id, board.secrets.facilitator, { name: 'Fran', role: 'facilitator' }),
    person(board.id, board.secrets.editor, { name: 'Hal', role: 'professional' }),
    person(board.id, board.secrets.editor, { name: 'Mal', role: 'citizen' }),
  ])
  await Promise.all([waitForSync(facilitator), waitForSync(honest), waitForSync(attacker)])
  const shapes = (readRecords(facilitator.doc) as Shape[]).filter((r) => r.typeName === 'shape')
  return {
    board,
    facilitator,
    honest,
    attacker,
    ids: { facilitator: facilitator.personId, honest: honest.personId, attacker: attacker.personId },
    tokens: { facilitator: facilitator.token, honest: honest.token, attacker: attacker.token },
    shapes,
  }
}

function terminalClose(c: TestClient): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => c.provider.on('closed' as never, ((info: { code: number; reason: string }) => resolve(info)) as never))
}

const records = (doc: Y.Doc) => new YKeyValue(doc.getArray<{ key: string; val: unknown }>(RECORDS_ROOT))

/** The board as stored: a fresh read-only client's copy of every root. */
async function stored(w: Workshop): Promise<Record<string, unknown>> {
  const reader = client(w.board.id, w.board.secrets.viewer)
  await waitForSync(reader)
  return {
    records: Object.fromEntries((readRecords(reader.doc) as Shape[]).map((r) => [r.id, r])),
    ...Object.fromEntries([META_ROOT, SESSION_ROOT, PEOPLE_ROOT, VOTES_ROOT, RATINGS_ROOT].map((root) => [root, reader.doc.getMap(root).toJSON()])),
  }
}

/** Makes the attack, expects the attacker closed with `code` and `reason`, the board unchanged, the honest ones going on. */
async function expectRefused(w: Workshop, attack: (doc: Y.Doc) => void, code: number, reason: RegExp): Promise<void> {
  const before = await stored(w)
  const closed = terminalClose(w.attacker)
  attack(w.attacker.doc)
  const info = await closed
  expect(info.code).toBe(code)
  expect(info.reason).toMatch(reason)
  expect(await stored(w)).toEqual(before)
  const key = `Hal-${Math.random()}`
  w.honest.doc.getMap(PEOPLE_ROOT).set(w.ids.honest, { name: key, role: 'professional', colour: '#123456' })
  await waitFor(() => (w.facilitator.doc.getMap(PEOPLE_ROOT).get(w.ids.honest) as { name?: string })?.name === key, 'an honest edit to reach the facilitator')
  expect(w.honest.provider.wsconnected && w.facilitator.provider.wsconnected).toBe(true)
}

describe('meta and structure', () => {
  it('refuses an editor setting meta.format (the "saved by a newer version" lock-out)', async () => {
    const w = await workshop()
    await expectRefused(w, (doc) => doc.getMap(META_ROOT).set('format', 999), 4403, /only the facilitator/)
  })

  it('refuses two shapes that are each other\'s parent', async () => {
    const w = await workshop()
    const [a, b] = w.shapes.filter((s) => s.type === ZONE_TYPE)
    await expectRefused(
      w,
      (doc) => {
        const kv = records(doc)
        doc.transact(() => {
          kv.set(a.id, { ...a, parentId: b.id })
          kv.set(b.id, { ...b, parentId: a.id })
        })
      },
      4403,
      /own ancestor|parent/,
    )
  })

  it('refuses nested Yjs types, which the document format does not have', async () => {
    const w = await workshop()
    await expectRefused(w, (doc) => doc.getMap(PEOPLE_ROOT).set(w.ids.attacker, new Y.Map()), 4403, /plain JSON/)
  })

  it('refuses a root the document format does not define, whatever it holds', async () => {
    const w = await workshop()
    await expectRefused(w, (doc) => doc.getMap('notes').set('n', 1), 4403, /notes is not part of the board format/)
    const again = await workshop()
    await expectRefused(again, (doc) => doc.getText('scratch').insert(0, 'hello'), 4403, /scratch is not part of the board format/)
  })

  it('refuses a card attributed to someone else', async () => {
    const w = await workshop()
    const card = w.shapes.find((s) => s.type !== ZONE_TYPE)!
    const forged = { ...card, id: 'shape:forged', meta: { ...card.meta, createdBy: w.ids.facilitator } }
    await expectRefused(w, (doc) => records(doc).set(forged.id, forged), 4403, /createdBy/)
  })
})

describe('levels values every client must read', () => {
  it('refuses a facilitator’s tables with a 10,000-character name or a "javascript:" colour (4403, nothing stored)', async () => {
    const w = await workshop()
    const tables = makeTables(2, (i) => `table${i + 1}`, (i) => `Table ${i + 1}`)
    const rogue = await person(w.board.id, w.board.secrets.facilitator, { name: 'Rex', role: 'facilitator' })
    await waitForSync(rogue)
    const named = [{ ...tables[0], name: 'x'.repeat(10_000) }, tables[1]]
    await expectRefused({ ...w, attacker: rogue }, (doc) => doc.getMap(SESSION_ROOT).set('tables', named), 4403, /tables: "0\.name": .*1 to 40 characters/)
    const again = await person(w.board.id, w.board.secrets.facilitator, { name: 'Rex', role: 'facilitator' })
    await waitForSync(again)
    const coloured = [tables[0], { ...tables[1], colour: 'javascript:alert(1)' }]
    await expectRefused({ ...w, attacker: again }, (doc) => doc.getMap(SESSION_ROOT).set('tables', coloured), 4403, /tables: "1\.colour": .*#rrggbb/)
    // The same tables, well formed, are taken and reach everyone.
    writeSessionValue(w.facilitator.doc.getMap(SESSION_ROOT), 'tables', tables)
    await waitFor(() => readSessionValue(w.honest.doc.getMap(SESSION_ROOT).toJSON(), 'tables').length === 2, 'the tables to reach Hal')
  })

  it('refuses a participant’s card whose meta.adoptedFrom names a 10,000-character table (4403, nothing stored)', async () => {
    const w = await workshop()
    const card = w.shapes.find((s) => s.type !== ZONE_TYPE)!
    const adoptedFrom = { tableId: 'x'.repeat(10_000), cardId: card.id, authors: [w.ids.attacker], roles: { [w.ids.attacker]: 'citizen' } }
    const forged = { ...card, id: 'shape:adopted', meta: { ...card.meta, createdBy: w.ids.attacker, adoptedFrom } }
    await expectRefused(w, (doc) => records(doc).set(forged.id, forged), 4403, /meta\.adoptedFrom "tableId": expected an id of 1 to 64/)
  })
})

describe('older session values every client must read', () => {
  it('refuses a facilitator’s timer with a negative duration or a 10,000-character criterion (4403, nothing stored)', async () => {
    const w = await workshop()
    const rogue = async () => {
      const attacker = await person(w.board.id, w.board.secrets.facilitator, { name: 'Rex', role: 'facilitator' })
      await waitForSync(attacker)
      return { ...w, attacker }
    }
    const timer = { status: 'paused', durationMs: 60_000, remainingMs: -60_000 }
    await expectRefused(await rogue(), (doc) => doc.getMap(SESSION_ROOT).set('timer', timer), 4403, /timer: "\(status = paused\)\.remainingMs": expected 0 to 14400000 ms, got -60000/)
    const criteria = [...readSessionValue(w.facilitator.doc.getMap(SESSION_ROOT).toJSON(), 'criteria'), 'x'.repeat(10_000)]
    await expectRefused(await rogue(), (doc) => doc.getMap(SESSION_ROOT).set('criteria', criteria), 4403, /criteria: "3": expected a trimmed name of 1 to 80 characters, got 10000/)
    // A well-formed timer is taken and reaches everyone.
    writeSessionValue(w.facilitator.doc.getMap(SESSION_ROOT), 'timer', { status: 'paused', durationMs: 60_000, remainingMs: 30_000 })
    await waitFor(() => readSessionValue(w.honest.doc.getMap(SESSION_ROOT).toJSON(), 'timer').status === 'paused', 'the timer to reach Hal')
  })
})

describe('session keys', () => {
  it('refuses a facilitator’s write to a session key no client reads, naming it (4403, nothing stored); takes the template rules', async () => {
    const w = await workshop()
    const rogue = await person(w.board.id, w.board.secrets.facilitator, { name: 'Rex', role: 'facilitator' })
    await waitForSync(rogue)
    await expectRefused({ ...w, attacker: rogue }, (doc) => doc.getMap(SESSION_ROOT).set('notes', 'x'.repeat(10_000)), 4403, /^notes: is not a session key$/)
    const again = await person(w.board.id, w.board.secrets.facilitator, { name: 'Rex', role: 'facilitator' })
    await waitForSync(again)
    await expectRefused({ ...w, attacker: again }, (doc) => doc.getMap(SESSION_ROOT).set('rules', ['no-such-rule']), 4403, /^rules: /)
    // The template rules, as adding a template writes them, are taken and reach everyone.
    w.facilitator.doc.getMap(SESSION_ROOT).set('rules', ['exam-weights-total-100'])
    await waitFor(() => JSON.stringify(w.honest.doc.getMap(SESSION_ROOT).get('rules')) === '["exam-weights-total-100"]', 'the rules to reach Hal')
  })
})

describe('content from other hosts', () => {
  const base = { typeName: 'shape', x: 0, y: 0, rotation: 0, index: 'a9', parentId: 'page:page', isLocked: false, opacity: 1, meta: {} }
  const shapes: Array<[string, Record<string, unknown>]> = [
    ['an embed', { ...base, id: 'shape:embed', type: 'embed', props: { w: 300, h: 300, url: 'https://evil.example/login' } }],
    ['a bookmark', { ...base, id: 'shape:bookmark', type: 'bookmark', props: { w: 300, h: 300, assetId: null, url: 'https://evil.example' } }],
    ['a video', { ...base, id: 'shape:video', type: 'video', props: { w: 3, h: 3, time: 0, playing: true, autoplay: true, url: 'https://evil.example/v.mp4', assetId: null, altText: '' } }],
    ['an image from another host', { ...base, id: 'shape:image', type: 'image', props: { w: 3, h: 3, playing: true, url: 'https://evil.example/a.png', assetId: null, crop: null, flipX: false, flipY: false, altText: '' } }],
    ['an asset from another host', { id: 'asset:evil', typeName: 'asset', type: 'image', meta: {}, props: { w: 3, h: 3, name: 'a', isAnimated: false, mimeType: 'image/png', src: '//evil.example/a.png' } }],
  ]
  it.each(shapes)('refuses %s', async (_what, record) => {
    const w = await workshop()
    await expectRefused(w, (doc) => records(doc).set(record.id as string, record), 4403, /another host|uploaded to this server|invalid/)
  })
})

describe('locked zones', () => {
  async function locked() {
    const w = await workshop()
    const zone = w.shapes.find((s) => s.type === ZONE_TYPE && w.shapes.some((c) => c.parentId === s.id))!
    const other = w.shapes.find((s) => s.type === ZONE_TYPE && s.id !== zone.id)!
    const card = w.shapes.find((s) => s.parentId === zone.id)!
    w.facilitator.doc.getMap(SESSION_ROOT).set('locks', withLock(withLock({}, zone.id, true), other.id, true))
    await waitFor(() => w.attacker.doc.getMap(SESSION_ROOT).has('locks'), 'the locks at the attacker')
    return { w, zone, other, card }
  }

  it('refuses moving a locked zone 3,000 px', async () => {
    const { w, zone } = await locked()
    await expectRefused(w, (doc) => records(doc).set(zone.id, { ...zone, x: zone.x + 3000 }), 4403, /locked/)
  })

  it('refuses deleting another locked zone', async () => {
    const { w, other } = await locked()
    await expectRefused(w, (doc) => records(doc).delete(other.id), 4403, /locked/)
  })

  it('refuses editing a card inside a locked zone', async () => {
    const { w, card } = await locked()
    await expectRefused(w, (doc) => records(doc).set(card.id, { ...card, props: { ...card.props, title: 'Mine' } }), 4403, /locked/)
  })

  it('lets the facilitator edit a locked zone and its cards', async () => {
    const { w, zone, card } = await locked()
    const kv = records(w.facilitator.doc)
    kv.set(card.id, { ...card, props: { ...card.props, title: 'Agreed' } })
    kv.set(zone.id, { ...zone, x: zone.x + 10 })
    await waitFor(() => (records(w.honest.doc).get(card.id) as Shape | undefined)?.props.title === 'Agreed', 'the edit at the participant')
    expect((await stored(w)).records).toMatchObject({ [zone.id]: { x: zone.x + 10 } })
    expect(w.facilitator.provider.wsconnected).toBe(true)
  })
})

describe('votes, ratings and people', () => {
  async function voting() {
    const w = await workshop()
    startVotingRound(w.facilitator.doc, openVotingRound({ dotsPerPerson: 3 }, 'round-1'))
    w.facilitator.doc.getMap(RATINGS_ROOT).set(`Feasibility/${w.ids.facilitator}`, 5)
    w.honest.doc.getMap(VOTES_ROOT).set(`${w.shapes[1].id}/${w.ids.honest}`, 1)
    await waitFor(() => w.attacker.doc.getMap(VOTES_ROOT).size === 1 && w.attacker.doc.getMap(RATINGS_ROOT).size === 1, 'the round at the attacker')
    return { w, card: w.shapes.find((s) => s.type !== ZONE_TYPE)! }
  }

  it('takes honest votes within the round', async () => {
    const { w, card } = await voting()
    w.attacker.doc.getMap(VOTES_ROOT).set(`${card.id}/${w.ids.attacker}`, 3)
    await waitFor(() => w.facilitator.doc.getMap(VOTES_ROOT).get(`${card.id}/${w.ids.attacker}`) === 3, 'the vote at the facilitator')
  })

  it('refuses 40 dots when the round gives 3', async () => {
    const { w, card } = await voting()
    await expectRefused(w, (doc) => doc.getMap(VOTES_ROOT).set(`${card.id}/${w.ids.attacker}`, 40), 4403, /3 dots/)
  })

  it('refuses dots on a zone: votes go on cards', async () => {
    const { w } = await voting()
    const zone = w.shapes.find((s) => s.type === ZONE_TYPE)!
    await expectRefused(w, (doc) => doc.getMap(VOTES_ROOT).set(`${zone.id}/${w.ids.attacker}`, 1), 4403, /votes go on cards that exist/)
  })

  it("refuses dots under another person's key, and deleting their vote", async () => {
    const { w, card } = await voting()
    await expectRefused(w, (doc) => doc.getMap(VOTES_ROOT).set(`${card.id}/${w.ids.honest}`, 1), 4403, /someone else/)
  })

  it("refuses deleting another person's vote", async () => {
    const { w } = await voting()
    await expectRefused(w, (doc) => doc.getMap(VOTES_ROOT).delete(`${w.shapes[1].id}/${w.ids.honest}`), 4403, /someone else/)
  })

  it("refuses overwriting the facilitator's rating and renaming the facilitator", async () => {
    const { w } = await voting()
    await expectRefused(w, (doc) => doc.getMap(RATINGS_ROOT).set(`Feasibility/${w.ids.facilitator}`, 1), 4403, /someone else/)
  })

  it('refuses renaming the facilitator "Mallory" in people', async () => {
    const w = await workshop()
    await expectRefused(w, (doc) => doc.getMap(PEOPLE_ROOT).set(w.ids.facilitator, { name: 'Mallory', role: 'facilitator', colour: '#000000' }), 4403, /someone else/)
  })
})

describe('Yjs client ids', () => {
  it("refuses structs under the facilitator's client id while the facilitator is away", async () => {
    const w = await workshop()
    w.facilitator.doc.getMap(SESSION_ROOT).set('phase', 2)
    await waitFor(() => w.attacker.doc.getMap(SESSION_ROOT).get('phase') === 2, 'the phase at the attacker')
    const squatted = w.facilitator.doc.clientID
    w.facilitator.destroy()
    const forged = new Y.Doc()
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(w.attacker.doc))
    forged.clientID = squatted
    const before = Y.encodeStateVector(forged)
    forged.getMap(PEOPLE_ROOT).set(w.ids.attacker, { name: 'Mal', role: 'citizen', colour: '#000000' })
    const update = Y.encodeStateAsUpdate(forged, before)
    const closed = terminalClose(w.attacker)
    Y.applyUpdate(w.attacker.doc, update)
    expect(await closed).toEqual({ code: 4403, reason: "the update writes under another person's Yjs client id" })
  })

  it('a refused update claims none of its client ids: the next person may still write under them', async () => {
    const w = await workshop()
    const id = 616_161
    /** `from`'s copy of the board with one edit made under `id`, as an update. */
    const underId = (from: TestClient, edit: (doc: Y.Doc) => void) => {
      const forged = new Y.Doc()
      Y.applyUpdate(forged, Y.encodeStateAsUpdate(from.doc))
      forged.clientID = id
      const before = Y.encodeStateVector(forged)
      edit(forged)
      return Y.encodeStateAsUpdate(forged, before)
    }
    const refused = underId(w.attacker, (doc) => doc.getMap(PEOPLE_ROOT).set(w.ids.honest, { name: 'Mallory', role: 'professional', colour: '#123456' }))
    const closed = terminalClose(w.attacker)
    Y.applyUpdate(w.attacker.doc, refused)
    expect((await closed).reason).toMatch(/someone else/)
    Y.applyUpdate(w.honest.doc, underId(w.honest, (doc) => doc.getMap(PEOPLE_ROOT).set(w.ids.honest, { name: 'Hal', role: 'professional', colour: '#654321' })))
    await waitFor(() => (w.facilitator.doc.getMap(PEOPLE_ROOT).get(w.ids.honest) as { colour?: string })?.colour === '#654321', "the honest edit under the refused update's id")
    expect(w.honest.provider.wsconnected).toBe(true)
  })

  it('closes with 1011 a write whose new client id storage leaves unowned after the claim, storing nothing; the board goes on', async () => {
    const dataDir = makeTempDataDir()
    dataDirs.push(dataDir)
    const real = openSqliteStorage(dataDir)
    let ownerless = false
    const storage: BoardStorage = {
      ...real,
      async claimClientIds(boardId, personId, clientIds) {
        // As storage I/O does, the claim lets the server go on with other work meanwhile.
        await new Promise((resolve) => setImmediate(resolve))
        return ownerless ? new Map() : real.claimClientIds(boardId, personId, clientIds)
      },
    }
    const w = await workshop({}, { dataDir, storage })
    const before = await stored(w)
    ownerless = true
    const raw = await openRawSocket(server!.wsUrl, w.board.id, w.board.secrets.editor, w.tokens.attacker)
    const closed = waitForClose(raw)
    const doc = new Y.Doc()
    doc.getMap(PEOPLE_ROOT).set(w.ids.attacker, { name: 'Mal', role: 'citizen', colour: '#123456' })
    raw.send(encodeUpdate(Y.encodeStateAsUpdate(doc)))
    expect(await closed).toMatchObject({ code: 1011 })
    expect(server!.logs.join('\n')).toMatch(/error .*storage named no owner for client ids it was asked to claim/)
    ownerless = false
    expect(await stored(w)).toEqual(before)
    w.honest.doc.getMap(PEOPLE_ROOT).set(w.ids.honest, { name: 'Hal', role: 'professional', colour: '#123456' })
    await waitFor(() => w.facilitator.doc.getMap(PEOPLE_ROOT).has(w.ids.honest), 'an honest edit to reach the facilitator')
  })

  it('an edit read while the one before it waits for its client id claim is judged after it is applied', async () => {
    const w = await workshop()
    const raw = await openRawSocket(server!.wsUrl, w.board.id, w.board.secrets.facilitator, w.tokens.facilitator)
    // A first exchange, as every provider opens with: the connection has its rules loaded when the edits come.
    const answered = new Promise<void>((resolve) =>
      raw.on('message', (data: Buffer) => {
        if (data[0] === messageSync && data[1] === messageYjsSyncStep2) resolve()
      }),
    )
    raw.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())))
    await answered
    // A copy of the board under a client id nobody owns yet: its first edit waits for the claim.
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(w.facilitator.doc))
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    startVotingRound(doc, openVotingRound({ dotsPerPerson: 3 }, 'round-1'))
    // Allowed only once the round is open: judged before the first edit is applied, it would be refused.
    const card = w.shapes.find((s) => s.type !== ZONE_TYPE)!
    doc.getMap(VOTES_ROOT).set(`${card.id}/${w.ids.facilitator}`, 1)
    expect(updates).toHaveLength(2)
    // Both frames in one TCP segment, so the server reads the second while the first waits.
    const socket = (raw as unknown as { _socket: Socket })._socket
    socket.cork()
    for (const update of updates) raw.send(encodeUpdate(update))
    socket.uncork()
    await waitFor(() => w.honest.doc.getMap(VOTES_ROOT).get(`${card.id}/${w.ids.facilitator}`) === 1, 'the dot at the honest participant')
    expect(raw.readyState).toBe(raw.OPEN)
    raw.close()
  })

  it("keeps a person's client ids across a restart, so their offline edits under an old id still sync", async () => {
    const w = await workshop()
    const dataDir = server!.dataDir
    const offline = w.honest.doc
    offline.getMap(PEOPLE_ROOT).set(w.ids.honest, { name: 'Hal', role: 'professional', colour: '#123456' })
    await waitFor(() => w.facilitator.doc.getMap(PEOPLE_ROOT).has(w.ids.honest), 'the first edit')
    w.honest.provider.disconnect()
    offline.getMap(PEOPLE_ROOT).set(w.ids.honest, { name: 'Hal offline', role: 'professional', colour: '#123456' })
    await server!.server.close()
    server = await startInProcessServer({ dataDir })
    // A reload: a new doc (new client id) holding the offline copy (old client id), as y-indexeddb would.
    const reloaded = new Y.Doc()
    Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(offline))
    const back = client(w.board.id, w.board.secrets.editor, { token: w.tokens.honest, doc: reloaded })
    await waitForSync(back)
    const reader = client(w.board.id, w.board.secrets.viewer)
    await waitFor(() => (reader.doc.getMap(PEOPLE_ROOT).get(w.ids.honest) as { name?: string })?.name === 'Hal offline', 'the offline edit')
    expect(back.provider.wsconnected).toBe(true)
  })
})

describe('presence', () => {
  it('stamps the person and access role from the token over what the client claims', async () => {
    const w = await workshop()
    w.attacker.provider.awareness.setLocalStateField('person', { id: w.ids.facilitator, name: 'Fran', accessRole: 'facilitator', colour: '#000', role: 'facilitator' })
    w.attacker.provider.awareness.setLocalStateField('presence', { userId: `user:${w.ids.facilitator}`, userName: 'Fran', cursor: { x: -50000, y: -50000 } })
    const seen = () => w.facilitator.provider.awareness.getStates().get(w.attacker.doc.clientID)
    await waitFor(() => seen()?.presence !== undefined, "the attacker's presence")
    expect(seen()!.person).toMatchObject({ id: w.ids.attacker, name: 'Mal', accessRole: 'editor' })
    expect(seen()!.presence).toMatchObject({ userId: `user:${w.ids.attacker}`, userName: 'Mal' })
  })

  it("takes a rename only in the person's own people entry, and the stamped presence name follows it", async () => {
    const w = await workshop()
    await expectRefused(w, (doc) => doc.getMap(PEOPLE_ROOT).set(w.ids.honest, { name: 'Mallory', role: 'professional', colour: '#123456' }), 4403, /someone else/)
    w.honest.doc.getMap(PEOPLE_ROOT).set(w.ids.honest, { name: 'Hal R.', role: 'professional', colour: '#123456' })
    await waitFor(() => (w.facilitator.doc.getMap(PEOPLE_ROOT).get(w.ids.honest) as { name?: string })?.name === 'Hal R.', 'the rename')
    w.honest.provider.awareness.setLocalStateField('person', { id: w.ids.honest, name: 'Hal' })
    w.honest.provider.awareness.setLocalStateField('presence', { userName: 'Hal', cursor: { x: 1, y: 1 } })
    const seen = () => w.facilitator.provider.awareness.getStates().get(w.honest.doc.clientID)
    await waitFor(() => seen()?.presence !== undefined, "the renamed person's presence")
    expect(seen()!.person).toMatchObject({ id: w.ids.honest, name: 'Hal R.' })
    expect(seen()!.presence).toMatchObject({ userName: 'Hal R.' })
  })

  it("ignores a connection setting another client's presence", async () => {
    const w = await workshop()
    w.honest.provider.awareness.setLocalStateField('note', 'mine')
    const honestState = () => w.facilitator.provider.awareness.getStates().get(w.honest.doc.clientID)
    await waitFor(() => honestState()?.note === 'mine', "the honest client's presence")
    const raw = await openRawSocket(server!.wsUrl, w.board.id, w.board.secrets.viewer)
    raw.send(encodeAwareness(encodeAwarenessEntries([{ clientId: w.honest.doc.clientID, clock: 1000, json: JSON.stringify({ note: 'forged' }) }])))
    // The raw socket's own state, sent after the forged one, arriving shows the forged one was judged.
    raw.send(encodeAwareness(encodeAwarenessEntries([{ clientId: 424242, clock: 1, json: JSON.stringify({ note: 'raw' }) }])))
    await waitFor(() => w.facilitator.provider.awareness.getStates().get(424242)?.note === 'raw', "the raw socket's own presence")
    expect(honestState()?.note).toBe('mine')
    raw.close()
  })

  it("drops another person's presence under a client id its owner only ever showed presence with, after a restart too", async () => {
    const w = await workshop()
    const owned = 515_151
    const presence = (clientId: number, clock: number, note: string) =>
      encodeAwareness(encodeAwarenessEntries([{ clientId, clock, json: JSON.stringify({ note }) }]))
    const owner = await openRawSocket(server!.wsUrl, w.board.id, w.board.secrets.editor, w.tokens.honest)
    owner.send(presence(owned, 1, 'owner'))
    await waitFor(() => w.facilitator.provider.awareness.getStates().get(owned)?.note === 'owner', "the owner's presence")
    owner.close()
    // A restart: the claim the presence made must have been stored, not only held in memory.
    const dataDir = server!.dataDir
    await server!.server.close()
    server = await startInProcessServer({ dataDir })
    const watcher = client(w.board.id, w.board.secrets.viewer)
    await waitForSync(watcher)
    const squatter = await openRawSocket(server!.wsUrl, w.board.id, w.board.secrets.editor, w.tokens.attacker)
    squatter.send(presence(owned, 5, 'squatted'))
    // Its own state, sent after the squatted one, arriving shows the squatted one was judged.
    squatter.send(presence(525_252, 1, 'raw'))
    await waitFor(() => watcher.provider.awareness.getStates().get(525_252)?.note === 'raw', "the squatter's own presence")
    expect(watcher.provider.awareness.getStates().has(owned)).toBe(false)
    squatter.close()
  })

  it("learns who owns a tokenless connection's new presence ids by asking about those ids, not by reloading the board's owner table", async () => {
    const dataDir = makeTempDataDir()
    dataDirs.push(dataDir)
    const real = openSqliteStorage(dataDir)
    let wholeTableLoads = 0
    const counted: BoardStorage = {
      ...real,
      loadClientOwners(boardId, clientIds) {
        if (!clientIds) wholeTableLoads++
        return real.loadClientOwners(boardId, clientIds)
      },
    }
    const w = await workshop({}, { dataDir, storage: counted })
    const loadsWithRoom = wholeTableLoads
    // Another instance's claim, made after this one loaded the room: a tokenless connection may not show presence under it.
    const elsewhere = 535_353
    await real.claimClientIds(w.board.id, w.ids.honest, [elsewhere])
    const watcher = client(w.board.id, w.board.secrets.viewer)
    await waitForSync(watcher)
    const raw = await openRawSocket(server!.wsUrl, w.board.id, w.board.secrets.viewer)
    const presence = (clientId: number, note: string) => encodeAwareness(encodeAwarenessEntries([{ clientId, clock: 1, json: JSON.stringify({ note }) }]))
    raw.send(presence(elsewhere, 'squatted'))
    for (let i = 1; i <= 5; i++) raw.send(presence(545_450 + i, `new ${i}`))
    await waitFor(() => watcher.provider.awareness.getStates().get(545_455)?.note === 'new 5', 'the last new presence')
    expect(watcher.provider.awareness.getStates().has(elsewhere)).toBe(false)
    expect(wholeTableLoads).toBe(loadsWithRoom)
    raw.close()
  })

  it(`takes at most ${MAX_NEW_PRESENCE_IDS} new presence ids from a connection: one message with 50,000 is neither looked up, stored nor relayed`, async () => {
    const dataDir = makeTempDataDir()
    dataDirs.push(dataDir)
    const real = openSqliteStorage(dataDir)
    const FLOOD = 50_000
    const viewerIds = 1_000_000
    const personIds = 2_000_000
    const inRange = (ids: readonly number[], first: number) => ids.filter((id) => id >= first && id < first + FLOOD).length
    const asked: Record<number, number> = { [viewerIds]: 0, [personIds]: 0 }
    const counted: BoardStorage = {
      ...real,
      loadClientOwners(boardId, clientIds) {
        for (const first of [viewerIds, personIds]) asked[first] += inRange(clientIds ?? [], first)
        return real.loadClientOwners(boardId, clientIds)
      },
      claimClientIds(boardId, personId, clientIds) {
        for (const first of [viewerIds, personIds]) asked[first] += inRange(clientIds, first)
        return real.claimClientIds(boardId, personId, clientIds)
      },
    }
    const w = await workshop({}, { dataDir, storage: counted })
    const watcher = client(w.board.id, w.board.secrets.viewer)
    await waitForSync(watcher)
    const flood = (first: number) =>
      encodeAwareness(encodeAwarenessEntries(Array.from({ length: FLOOD }, (_, i) => ({ clientId: first + i, clock: 1, json: '{"n":1}' }))))
    const viewer = await openRawSocket(server!.wsUrl, w.board.id, w.board.secrets.viewer)
    const person = await openRawSocket(server!.wsUrl, w.board.id, w.board.secrets.editor, w.tokens.attacker)
    for (const [ws, first] of [[viewer, viewerIds], [person, personIds]] as const) {
      ws.send(flood(first))
      // An id the flood brought, set again: its arrival shows the flood was judged.
      ws.send(encodeAwareness(encodeAwarenessEntries([{ clientId: first, clock: 2, json: '{"n":2}' }])))
    }
    const seen = (first: number) => inRange(Array.from(watcher.provider.awareness.getStates().keys()), first)
    await waitFor(() => watcher.provider.awareness.getStates().get(viewerIds)?.n === 2, "the viewer's later presence")
    await waitFor(() => watcher.provider.awareness.getStates().get(personIds)?.n === 2, "the person's later presence")
    for (const first of [viewerIds, personIds]) {
      expect(seen(first)).toBeGreaterThan(0)
      expect(seen(first)).toBeLessThanOrEqual(MAX_NEW_PRESENCE_IDS)
      expect(asked[first]).toBeLessThanOrEqual(MAX_NEW_PRESENCE_IDS)
    }
    expect(inRange(Array.from((await real.loadClientOwners(w.board.id)).keys()), personIds)).toBeLessThanOrEqual(MAX_NEW_PRESENCE_IDS)
    // The board goes on.
    w.honest.doc.getMap(PEOPLE_ROOT).set(w.ids.honest, { name: 'Hal', role: 'professional', colour: '#123456' })
    await waitFor(() => w.facilitator.doc.getMap(PEOPLE_ROOT).has(w.ids.honest), 'an honest edit to reach the facilitator')
    viewer.close()
    person.close()
  })

  it('closes a connection whose presence state is over the limit (1009); newcomers still sync', async () => {
    const w = await workshop()
    const closed = terminalClose(w.attacker)
    w.attacker.provider.awareness.setLocalStateField('junk', 'x'.repeat(1_900_000))
    const info = await new Promise<{ code: number }>((resolve) => {
      w.attacker.provider.on('connection-close' as never, ((event: { code: number }) => resolve(event)) as never)
      void closed.then(resolve)
    })
    expect(info.code).toBe(1009)
    const newcomer = client(w.board.id, w.board.secrets.viewer)
    await waitForSync(newcomer)
  })
})

describe('limits', () => {
  it('closes a connection flooding past its message rate with 1008; the board goes on', async () => {
    const w = await workshop({ maxMessagesPerSecond: 20 })
    const raw = await openRawSocket(server!.wsUrl, w.board.id, w.board.secrets.editor, w.tokens.attacker)
    const closed = waitForClose(raw)
    const doc = new Y.Doc()
    for (let i = 0; i < 200; i++) {
      const before = Y.encodeStateVector(doc)
      doc.getMap(PEOPLE_ROOT).set(w.ids.attacker, { name: `Mal ${i}`, role: 'citizen', colour: '#123456' })
      raw.send(encodeUpdate(Y.encodeStateAsUpdate(doc, before)))
    }
    expect(await closed).toMatchObject({ code: 1008 })
    w.honest.doc.getMap(PEOPLE_ROOT).set(w.ids.honest, { name: 'Hal', role: 'professional', colour: '#123456' })
    await waitFor(() => w.facilitator.doc.getMap(PEOPLE_ROOT).has(w.ids.honest), 'the board to go on')
  })

  it('refuses an edit that would pass the stored size limit of a board', async () => {
    const w = await workshop({ maxBoardBytes: 200_000 })
    await expectRefused(w, (doc) => writeIdea(doc, w.ids.attacker, 'big', 'x'.repeat(300_000)), 4403, /the board is full/)
  })
})

describe('person tokens at the upgrade', () => {
  it('refuses (401) a token from another board or used with a link of another role', async () => {
    const w = await workshop()
    const other = await createBoardViaApi(server!.url, { title: 'Other' })
    const url = (secret: string, token: string) => `${server!.wsUrl}/${w.board.id}?k=${secret}&p=${encodeURIComponent(token)}`
    const otherPerson = await joinBoardViaApi(server!.url, other.id, other.secrets.editor)
    expect((await upgradeStatus(url(w.board.secrets.editor, otherPerson.token))).status).toBe(401)
    expect((await upgradeStatus(url(w.board.secrets.viewer, w.tokens.attacker))).status).toBe(401)
    expect((await upgradeStatus(url(w.board.secrets.editor, 'garbage'))).status).toBe(401)
    expect((await upgradeStatus(url(w.board.secrets.editor, w.tokens.attacker))).status).toBe(101)
  })
})

describe('nesting depth', () => {
  /** `leaf` wrapped in `depth` arrays and objects, alternating. */
  const nested = (depth: number, leaf: unknown = 'deep'): unknown => {
    let value = leaf
    for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { v: value }
    return value
  }
  const exportStatus = async (w: Workshop): Promise<number> =>
    (await fetch(`${server!.url}/api/boards/${w.board.id}/export.json`, { headers: { Authorization: `Bearer ${w.board.secrets.facilitator}` } })).status
  const cardWith = (w: Workshop, id: string, deep: unknown) => {
    const card = w.shapes.find((s) => s.type !== ZONE_TYPE)!
    return { ...card, id, meta: { ...card.meta, createdBy: w.ids.attacker, deep } }
  }

  // 4500 deep was stored, and the board's export.json answered 500 for good (its reader overflowed the stack).
  it.each([300, 4500])('refuses a participant’s card whose meta nests %i deep (4403, nothing stored); export.json still answers', async (depth) => {
    const w = await workshop()
    const forged = cardWith(w, 'shape:deep', nested(depth))
    await expectRefused(w, (doc) => records(doc).set(forged.id, forged), 4403, /"shape:deep": nested more than 256 levels deep/)
    expect(await exportStatus(w)).toBe(200)
  })

  it('refuses a value nested too deep for the server to decode (4403, not 1007: a provider would send it again)', async () => {
    const w = await workshop()
    const doc = new Y.Doc()
    doc.getMap(PEOPLE_ROOT).set(w.ids.attacker, 'PLACEHOLDER')
    const update = Buffer.from(Y.encodeStateAsUpdate(doc))
    // lib0 writes nested JSON recursively too: the 20,000 arrays are spliced in as bytes (type 117, length 1).
    const leaf = update.indexOf('PLACEHOLDER') - 2
    const deep = Buffer.concat([update.subarray(0, leaf), Buffer.from(new Array(20_000).fill([117, 1]).flat()), update.subarray(leaf)])
    const before = await stored(w)
    const raw = await openRawSocket(server!.wsUrl, w.board.id, w.board.secrets.editor, w.tokens.attacker)
    const closed = waitForClose(raw)
    raw.send(encodeUpdate(deep))
    expect(await closed).toMatchObject({ code: 4403, reason: 'a value nested more than 256 levels deep' })
    expect(await stored(w)).toEqual(before)
    expect(await exportStatus(w)).toBe(200)
  })

  it('takes a card whose meta nests just under the limit', async () => {
    const w = await workshop()
    // The entry `{ key, val }` and the record itself are two of the levels.
    const card = cardWith(w, 'shape:nested', nested(253))
    records(w.attacker.doc).set(card.id, card)
    await waitFor(() => (readRecords(w.facilitator.doc) as Shape[]).some((r) => r.id === card.id), 'the card to reach the facilitator')
    expect(await exportStatus(w)).toBe(200)
  })
})
