import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { BoardLink } from '../../../../server/src/fanout/fanout'
import type { Logger } from '../../../../server/src/log'
import { decodeMessage } from '../../../../server/src/relay/protocol'
import { Room, type RoomPeer } from '../../../../server/src/relay/room'
import { openSqliteStorage } from '../../../../server/src/storage/sqlite'
import type { BoardStorage } from '../../../../server/src/storage/storage'
import { testFanout } from '../../../support/fakeFanout'
import { makeTempDataDir } from '../../../support/server'

// A room's answer to a client's state vector (sync step 1), on real SQLite storage.

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined }
const boardId = 'AAAAAAAAAAAAAAAAAAAAAA'
const dirs: string[] = []
const handles: BoardStorage[] = []
const rooms: Room[] = []

afterEach(async () => {
  for (const room of rooms.splice(0)) await room.unload()
  for (const handle of handles.splice(0)) await handle.close()
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

/** Every update `write` makes in `doc`, merged. */
function updateOf(doc: Y.Doc, write: (doc: Y.Doc) => void): Uint8Array {
  const updates: Uint8Array[] = []
  const collect = (update: Uint8Array) => void updates.push(update)
  doc.on('update', collect)
  write(doc)
  doc.off('update', collect)
  return Y.mergeUpdates(updates)
}

/**
 * A board stored as a snapshot and a log of one update. The snapshot comes from a doc that keeps
 * deleted content (no garbage collection), so encoding the room's doc again gives other bytes.
 */
async function storedBoard() {
  const dir = makeTempDataDir()
  dirs.push(dir)
  const storage = openSqliteStorage(dir)
  handles.push(storage)
  const source = new Y.Doc({ gc: false })
  source.getText('t').insert(0, 'kept, and removed')
  source.getText('t').delete(4, 13)
  const snapshot = Y.encodeStateAsUpdate(source)
  await storage.createBoard({ id: boardId, title: 'T', template: 'blank', createdAt: 1, secretGeneration: 0 }, snapshot)
  const logged = updateOf(source, (doc) => doc.getMap('m').set('logged', true))
  await storage.appendUpdates(boardId, [logged])
  const link: BoardLink = { stored: () => undefined, awarenessChanged: () => undefined, leave: async () => undefined }
  const { fanout, fanned } = testFanout(link)
  const room = await Room.load(boardId, storage, { compactAfterUpdates: 1000, logger: quiet, fanout })
  rooms.push(room)
  return { room, source, snapshot, stored: Y.mergeUpdates([snapshot, logged]), storage, fanned }
}

const peer = (): RoomPeer => ({ send: () => undefined, sendState: () => undefined, close: () => undefined })

/** The update the room answers `doc`'s state vector with. */
async function answerTo(room: Room, doc: Y.Doc): Promise<Uint8Array> {
  let parts: readonly Uint8Array[] = []
  await room.answerSyncStep1({ ...peer(), sendState: (sent) => void (parts = sent) }, Y.encodeStateVector(doc))
  const message = decodeMessage(Buffer.concat(parts))
  if (message.kind !== 'sync-step-2') throw new Error(`answered with ${message.kind}`)
  return message.update
}

const contents = (doc: Y.Doc) => ({ text: doc.getText('t').toString(), map: doc.getMap('m').toJSON() })

describe("a room's answer to a state vector", () => {
  it('sends a client that holds nothing the stored board, snapshot and log merged, as they are', async () => {
    const { room, stored } = await storedBoard()
    const answer = await answerTo(room, new Y.Doc())
    expect(answer).toEqual(stored)
    expect(answer).not.toEqual(Y.encodeStateAsUpdate(room.doc))
    const client = new Y.Doc()
    Y.applyUpdate(client, answer)
    expect(contents(client)).toEqual({ text: 'kept', map: { logged: true } })
  })

  it('sends a client that holds part of the board only what it lacks', async () => {
    const { room, stored, snapshot } = await storedBoard()
    const client = new Y.Doc()
    Y.applyUpdate(client, snapshot)
    const answer = await answerTo(room, client)
    expect(answer.byteLength).toBeLessThan(stored.byteLength)
    Y.applyUpdate(client, answer)
    expect(contents(client)).toEqual({ text: 'kept', map: { logged: true } })
  })

  it("sends the board as it is now once a peer's edit has changed it", async () => {
    const { room, source } = await storedBoard()
    room.applyUpdate(peer(), updateOf(source, (doc) => doc.getMap('m').set('peer', 1)))
    await room.allStored()
    const client = new Y.Doc()
    Y.applyUpdate(client, await answerTo(room, client))
    expect(contents(client)).toEqual({ text: 'kept', map: { logged: true, peer: 1 } })
  })

  it("sends the board as it is now once another instance's edit has changed it", async () => {
    const { room, source, storage, fanned } = await storedBoard()
    const update = updateOf(source, (doc) => doc.getMap('m').set('other', 2))
    const seq = await storage.appendUpdates(boardId, [update])
    fanned().applyStored(update, seq, seq)
    const client = new Y.Doc()
    Y.applyUpdate(client, await answerTo(room, client))
    expect(contents(client)).toEqual({ text: 'kept', map: { logged: true, other: 2 } })
  })
})
