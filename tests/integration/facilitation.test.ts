import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { SESSION_ROOT } from '../../shared/src/doc/roots'
import { createBoardViaApi, joinBoardViaApi, startInProcessServer, type InProcessServer } from '../support/server'
import { encodeSyncStep2, encodeUpdate } from '../../server/src/relay/protocol'
import { openRawSocket, upgradeStatus } from '../support/rawsocket'
import { ideaTexts, writeIdea } from '../support/ideaCards'
import { trackedClients } from '../support/trackedClients'
import { waitFor, waitForSync, type TestClient } from '../support/yclient'

let server: InProcessServer | null = null

afterEach(async () => {
  await server?.stop()
  server = null
})

const { client, person } = trackedClients(() => server!.wsUrl)

/** A later client reading the board as stored, to check what everyone would see. */
async function storedSession(boardId: string, secret: string): Promise<Record<string, unknown>> {
  const reader = client(boardId, secret)
  await waitForSync(reader)
  return reader.doc.getMap(SESSION_ROOT).toJSON()
}

/** Resolves with the code and reason of the provider's terminal close. */
function terminalClose(c: TestClient): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => c.provider.on('closed' as never, ((info: { code: number; reason: string }) => resolve(info)) as never))
}

describe('the facilitator-only session map', () => {
  const attacks: Array<[string, (session: Y.Map<unknown>, personId: string) => void]> = [
    ['writes a new session key', (session) => session.set('timer', { status: 'running', durationMs: 1, endsAt: 0 })],
    ['overwrites the phase', (session) => session.set('phase', 4)],
    ['deletes the phase', (session) => session.delete('phase')],
    ['hides a session write inside a card of its own', (session, personId) => {
      session.doc!.transact(() => {
        writeIdea(session.doc!, personId, 'hidden', 'cover')
        session.set('locks', {})
      })
    }],
  ]

  it.each(attacks)('refuses a raw y-websocket participant that %s, for everyone', async (_what, attack) => {
    server = await startInProcessServer()
    const board = await createBoardViaApi(server.url, { title: 'Guarded' })
    const facilitator = await person(board.id, board.secrets.facilitator, { role: 'facilitator' })
    const bystander = await person(board.id, board.secrets.editor)
    const attacker = await person(board.id, board.secrets.editor)
    await Promise.all([waitForSync(facilitator), waitForSync(bystander), waitForSync(attacker)])
    facilitator.doc.getMap(SESSION_ROOT).set('phase', 1)
    await waitFor(() => attacker.doc.getMap(SESSION_ROOT).get('phase') === 1, 'the phase at the attacker')

    const before = facilitator.doc.getMap(SESSION_ROOT).toJSON()
    expect(before.phase).toBe(1)
    const closed = terminalClose(attacker)
    attack(attacker.doc.getMap(SESSION_ROOT), attacker.personId)
    expect(await closed).toEqual({ code: 4403, reason: 'only the facilitator can change the workshop session' })

    // Everyone else keeps working, and nobody, now or later, sees the attack.
    writeIdea(bystander.doc, bystander.personId, 'bystander', 'still here')
    await waitFor(() => ideaTexts(facilitator.doc).bystander === 'still here', "the bystander's card")
    expect(facilitator.doc.getMap(SESSION_ROOT).toJSON()).toEqual(before)
    expect(bystander.doc.getMap(SESSION_ROOT).toJSON()).toEqual(before)
    expect(ideaTexts(facilitator.doc)).toEqual({ bystander: 'still here' })
    expect(await storedSession(board.id, board.secrets.viewer)).toEqual(before)
    expect(server.logs.join('\n')).toMatch(new RegExp(`closing a editor connection of ${attacker.personId} with 4403: only the facilitator can change the workshop session`))
  })

  it("accepts the facilitator's own session writes and deletions", async () => {
    server = await startInProcessServer()
    const board = await createBoardViaApi(server.url)
    const facilitator = await person(board.id, board.secrets.facilitator, { role: 'facilitator' })
    const participant = client(board.id, board.secrets.editor)
    await Promise.all([waitForSync(facilitator), waitForSync(participant)])
    facilitator.doc.getMap(SESSION_ROOT).set('phase', 2)
    facilitator.doc.getMap(SESSION_ROOT).set('timer', { status: 'idle', durationMs: 300000 })
    facilitator.doc.getMap(SESSION_ROOT).delete('timer')
    facilitator.doc.getMap(SESSION_ROOT).set('phase', 3)
    await waitFor(() => participant.doc.getMap(SESSION_ROOT).get('phase') === 3, 'phase 3 at the participant')
    expect(participant.doc.getMap(SESSION_ROOT).has('timer')).toBe(false)
  })
})

describe('an edit racing the sync of an offline copy', () => {
  /**
   * A participant's offline copy (edits the server has not seen), reloaded as a new Y.Doc that
   * builds on them before its sync step 2 has reached the server.
   */
  async function racingUpdates(boardId: string, secret: string, personId: string) {
    const online = client(boardId, secret)
    await waitForSync(online)
    const serverState = Y.encodeStateVector(online.doc)
    const offline = new Y.Doc()
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(online.doc))
    writeIdea(offline, personId, 'pia', 'offline')
    const offlineEdits = Y.encodeStateAsUpdate(offline, serverState)
    const reloaded = new Y.Doc()
    Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(offline))
    const before = Y.encodeStateVector(reloaded)
    writeIdea(reloaded, personId, 'pia', 'after reload')
    return { racing: Y.encodeStateAsUpdate(reloaded, before), offlineEdits }
  }

  it('waits for the edits it builds on instead of refusing it', async () => {
    server = await startInProcessServer()
    const board = await createBoardViaApi(server.url)
    const watcher = client(board.id, board.secrets.facilitator)
    await waitForSync(watcher)
    const pia = await joinBoardViaApi(server.url, board.id, board.secrets.editor, { name: 'Pia', role: 'citizen' })
    const { racing, offlineEdits } = await racingUpdates(board.id, board.secrets.editor, pia.personId)
    const raw = await openRawSocket(server.wsUrl, board.id, board.secrets.editor, pia.token)
    raw.send(encodeUpdate(racing))
    raw.send(encodeSyncStep2(offlineEdits))
    await waitFor(() => ideaTexts(watcher.doc).pia === 'after reload', 'the racing edit, applied after its base')
    expect(raw.readyState).toBe(raw.OPEN)
    raw.close()
  })
})

describe('rotating the shared links', () => {
  it('replaces the editor and viewer secrets, disconnects their holders with a reason, keeps the facilitator', async () => {
    server = await startInProcessServer()
    const board = await createBoardViaApi(server.url)
    const facilitator = client(board.id, board.secrets.facilitator)
    await waitForSync(facilitator)

    const raw = new WebSocket(`${server.wsUrl}/${board.id}?k=${board.secrets.editor}`)
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      raw.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    )
    await new Promise((resolve) => raw.on('open', resolve))

    const forbidden = await fetch(`${server.url}/api/boards/${board.id}/links/rotate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${board.secrets.editor}` },
    })
    expect(forbidden.status).toBe(403)

    const res = await fetch(`${server.url}/api/boards/${board.id}/links/rotate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${board.secrets.facilitator}` },
    })
    expect(res.status).toBe(200)
    const links = (await res.json()) as { editor: string; viewer: string }
    expect(links.editor).not.toBe(board.secrets.editor)
    expect(links.viewer).not.toBe(board.secrets.viewer)

    expect(await closed).toEqual({ code: 4401, reason: 'the facilitator replaced this link: ask for the new one' })
    expect(facilitator.provider.wsconnected).toBe(true)

    expect((await upgradeStatus(`${server.wsUrl}/${board.id}?k=${board.secrets.editor}`)).status).toBe(401)
    const fresh = client(board.id, links.editor)
    await waitForSync(fresh)
    const again = await fetch(`${server.url}/api/boards/${board.id}/links`, {
      headers: { Authorization: `Bearer ${board.secrets.facilitator}` },
    })
    expect(await again.json()).toEqual(links)
  })
})

describe('the server clock', () => {
  it('answers its time for clients to estimate their offset', async () => {
    server = await startInProcessServer()
    const before = Date.now()
    const { now } = (await (await fetch(`${server.url}/api/time`)).json()) as { now: number }
    expect(now).toBeGreaterThanOrEqual(before)
    expect(now).toBeLessThanOrEqual(Date.now())
  })
})

