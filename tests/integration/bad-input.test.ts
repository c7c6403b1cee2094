import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type WebSocket from 'ws'
import * as encoding from 'lib0/encoding'
import { encodeAwareness, encodeSyncStep1, encodeUpdate } from '../../server/src/relay/protocol'
import { openRawSocket, upgradeStatus, waitForClose, type CloseInfo } from '../support/rawsocket'
import { createBoardViaApi, joinBoardViaApi, startInProcessServer, type InProcessServer } from '../support/server'
import type { CreatedBoard } from '../../shared/src/wire/api'
import { ideaTexts, writeIdea } from '../support/ideaCards'
import { connectClient, connectPerson, waitFor, waitForConvergence, waitForSync, type PersonClient } from '../support/yclient'

const MAX_MESSAGE = 256 * 1024
const MAX_SEND_BUFFER = 1024 * 1024
const MAX_CONNECTIONS = 30

let server: InProcessServer
let board: CreatedBoard
let otherBoard: CreatedBoard
let a: PersonClient
let b: PersonClient
let c: PersonClient
/** The person token the offending raw sockets write with: what they send is judged as a person's. */
let offender: string
let round = 0

beforeAll(async () => {
  server = await startInProcessServer({
    config: {
      maxMessageBytes: MAX_MESSAGE,
      maxSendBufferBytes: MAX_SEND_BUFFER,
      maxConnectionsPerBoard: MAX_CONNECTIONS,
      // The stalled-reader test writes far faster than a person: above the per-connection rate limit.
      maxBytesPerSecond: 64 * 1024 * 1024,
    },
  })
  board = await createBoardViaApi(server.url)
  otherBoard = await createBoardViaApi(server.url)
  ;[a, b, c] = await Promise.all([
    connectPerson(server.wsUrl, board.id, board.secrets.editor),
    connectPerson(server.wsUrl, board.id, board.secrets.editor),
    connectPerson(server.wsUrl, otherBoard.id, otherBoard.secrets.editor),
  ])
  offender = (await joinBoardViaApi(server.url, board.id, board.secrets.editor, { name: 'Mal', role: 'citizen' })).token
  await Promise.all([waitForSync(a), waitForSync(b), waitForSync(c)])
})

afterAll(async () => {
  for (const client of [a, b, c]) client.destroy()
  await server.stop()
})

/** Both boards still relay, and a fresh client loads board 1 exactly as its peers hold it. */
async function expectEverythingElseWorks(): Promise<void> {
  round++
  writeIdea(a.doc, a.personId, `a${round}`, String(round))
  writeIdea(c.doc, c.personId, `c${round}`, String(round))
  await waitFor(() => ideaTexts(b.doc)[`a${round}`] === String(round), 'board 1 to keep relaying')
  const c2 = connectClient(server.wsUrl, otherBoard.id, otherBoard.secrets.viewer)
  const fresh = connectClient(server.wsUrl, board.id, board.secrets.viewer)
  try {
    await waitFor(() => ideaTexts(c2.doc)[`c${round}`] === String(round), 'board 2 to keep working')
    await waitForSync(fresh)
    await waitForConvergence(fresh.doc, a.doc)
    expect(ideaTexts(fresh.doc)).toEqual(ideaTexts(a.doc))
  } finally {
    fresh.destroy()
    c2.destroy()
  }
  expect(a.provider.wsconnected && b.provider.wsconnected && c.provider.wsconnected).toBe(true)
}

/** Sends `messages` on a fresh raw socket; returns how the server closed it, and its warning lines. */
async function offend(messages: (Buffer | string)[]): Promise<CloseInfo & { logged: string[] }> {
  const before = server.logs.length
  const ws = await openRawSocket(server.wsUrl, board.id, board.secrets.editor, offender)
  const closed = waitForClose(ws)
  for (const message of messages) ws.send(message)
  const info = await closed
  const problems = () => server.logs.slice(before).filter((line) => !line.startsWith('info'))
  await waitFor(() => problems().length > 0, 'the log line')
  return { ...info, logged: problems() }
}

function validUpdateMessage(): Buffer {
  const doc = new Y.Doc()
  writeIdea(doc, 'someone', 't', 'hello from a raw socket, long enough to be cut in the middle')
  return Buffer.from(encodeUpdate(Y.encodeStateAsUpdate(doc)))
}

/** An awareness message setting one client's presence to `json` as is (y-protocols/awareness: count, then id, clock, state). */
function presenceMessage(clientId: number, json: string): Buffer {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint(encoder, clientId)
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarString(encoder, json)
  return Buffer.from(encodeAwareness(encoding.toUint8Array(encoder)))
}

/** A small deterministic PRNG, so a failing case can be replayed. */
function seededBytes(seed: number, length: number): Buffer {
  let state = seed
  return Buffer.from(Array.from({ length }, () => ((state = (state * 1103515245 + 12345) & 0x7fffffff) >> 16) & 0xff))
}

describe('bad input closes only the offending connection, with a code and a reason', () => {
  it('random bytes', async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const closed = await offend([seededBytes(seed, 10 + seed * 7)])
      expect([1003, 1007], `seed ${seed}`).toContain(closed.code)
      expect(closed.reason.length).toBeGreaterThan(0)
      expect(closed.logged).toHaveLength(1)
      expect(closed.logged[0]).toContain(`with ${closed.code}: ${closed.reason}`)
    }
    await expectEverythingElseWorks()
  })

  it('a truncated message', async () => {
    const message = validUpdateMessage()
    const closed = await offend([message.subarray(0, message.length - 10)])
    expect(closed.code).toBe(1007)
    expect(closed.reason).toMatch(/malformed update message/)
    expect(closed.logged).toHaveLength(1)
    await expectEverythingElseWorks()
  })

  it('an unknown message type, and a text message', async () => {
    const unknown = await offend([Buffer.from([9, 0, 0])])
    expect(unknown).toMatchObject({ code: 1003, reason: 'unknown message type 9' })
    const text = await offend(['hello'])
    expect(text).toMatchObject({ code: 1003, reason: 'text messages are not part of the protocol' })
    await expectEverythingElseWorks()
  })

  it('an invalid Yjs update', async () => {
    const closed = await offend([Buffer.from(encodeUpdate(new Uint8Array([1, 2, 3])))])
    expect(closed.code).toBe(1007)
    expect(closed.reason).toMatch(/^invalid Yjs update/)
    expect(closed.logged).toHaveLength(1)
    await expectEverythingElseWorks()
  })

  it('a malformed sync state vector', async () => {
    // It counts five clients and names none.
    const closed = await offend([Buffer.from(encodeSyncStep1(new Uint8Array([5])))])
    expect(closed).toMatchObject({ code: 1007, reason: 'malformed state vector' })
    expect(closed.logged).toHaveLength(1)
    await expectEverythingElseWorks()
  })

  it('a malformed awareness update', async () => {
    // One entry: client 7, then neither clock nor state.
    const closed = await offend([Buffer.from(encodeAwareness(new Uint8Array([1, 7])))])
    expect(closed.code).toBe(1007)
    expect(closed.reason).toMatch(/^invalid awareness update/)
    expect(closed.logged).toHaveLength(1)
    await expectEverythingElseWorks()
  })

  it('a presence state that is not JSON, or JSON but not an object', async () => {
    // Each on a client id of its own, new to the room, so that only the state's form is judged.
    const notJson = await offend([presenceMessage(900_001, '{"cursor":')])
    expect(notJson).toMatchObject({ code: 1007, reason: 'a presence state is not JSON' })
    for (const [i, json] of ['[1,2]', '"Mal"', '42'].entries()) {
      const notObject = await offend([presenceMessage(900_002 + i, json)])
      expect(notObject, json).toMatchObject({ code: 1007, reason: 'a presence state must be an object' })
    }
    await expectEverythingElseWorks()
  })

  it('a message over the size limit (1009)', async () => {
    const overLimit = await offend([Buffer.concat([Buffer.from([9]), Buffer.alloc(MAX_MESSAGE + 1)])])
    expect(overLimit.code).toBe(1009)
    expect(overLimit.reason).toMatch(/over the 262144 byte limit/)
    // Far over the limit, `ws` stops reading at its hard cap and closes with 1009 itself.
    const farOver = await offend([Buffer.alloc(MAX_MESSAGE * 3)])
    expect(farOver.code).toBe(1009)
    expect(farOver.logged).toHaveLength(1)
    await expectEverythingElseWorks()
  })

  it('a client that never reads is disconnected once its send buffer passes the bound', async () => {
    const before = server.logs.length
    const stalled = await openRawSocket(server.wsUrl, board.id, board.secrets.viewer)
    const socket = (stalled as unknown as { _socket: import('node:net').Socket })._socket
    socket.pause()
    // Keep writing until the server gives up on the stalled client (kernel buffers absorb some).
    for (let i = 0; i < 200 && !server.logs.slice(before).some((l) => l.includes('with 1008')); i++) {
      writeIdea(a.doc, a.personId, 'bulk', String(i).padEnd(200 * 1024, 'x'))
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const logged = server.logs.slice(before).filter((l) => l.includes('with 1008'))
    expect(logged).toHaveLength(1)
    expect(logged[0]).toMatch(/client is not reading: over 1048576 bytes waiting to be sent/)
    // Once it reads again it finds the server has dropped it.
    const dropped = waitForClose(stalled)
    socket.resume()
    await dropped
    await waitForConvergence(a.doc, b.doc, 30_000)
    await expectEverythingElseWorks()
  })

  it('a storm of connections is capped per board; the rest keep working', async () => {
    // Only a, b and c stay connected between tests.
    const onlyTheThreePeers = () => server.server.stats().connections === 3
    await waitFor(onlyTheThreePeers, 'earlier test clients to leave')
    const room = MAX_CONNECTIONS - 2 // a and b already hold two
    const storm = await Promise.all(
      Array.from({ length: 60 }, () =>
        openRawSocket(server.wsUrl, board.id, board.secrets.editor).then(
          (ws): WebSocket | null => ws,
          () => null,
        ),
      ),
    )
    const opened = storm.filter((ws): ws is WebSocket => ws !== null)
    expect(opened).toHaveLength(room)
    const refused = await upgradeStatus(`${server.wsUrl}/${board.id}?k=${board.secrets.editor}`)
    expect(refused.status).toBe(503)
    expect(JSON.parse(refused.body).error).toMatch(/already has 30 connections/)
    writeIdea(a.doc, a.personId, 'during-storm', 'yes')
    await waitFor(() => ideaTexts(b.doc)['during-storm'] === 'yes', 'the board to relay during the storm')
    await Promise.all(opened.map((ws) => { const closed = waitForClose(ws); ws.close(); return closed }))
    await waitFor(onlyTheThreePeers, 'the storm to drain')
    await expectEverythingElseWorks()
  })
})
