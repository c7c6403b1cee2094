import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { BoardLink } from '../../server/src/fanout/fanout'
import type { Logger } from '../../server/src/log'
import { decodeMessage } from '../../server/src/relay/protocol'
import { Room } from '../../server/src/relay/room'
import { openSqliteStorage } from '../../server/src/storage/sqlite'
import type { BoardStorage } from '../../server/src/storage/storage'
import { testFanout } from '../support/fakeFanout'
import { makeTempDataDir } from '../support/server'
import { waitFor } from '../support/yclient'

// A room on real storage that another instance writes to as well (a second handle on the same
// file). The fan-out here is the test's hand: it delivers the other instance's messages, or
// loses them, as Redis might.

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined }
const boardId = 'AAAAAAAAAAAAAAAAAAAAAA'
const dirs: string[] = []
const handles: BoardStorage[] = []

afterEach(async () => {
  for (const handle of handles.splice(0)) await handle.close()
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

function edit(doc: Y.Doc, key: string): Uint8Array {
  let update: Uint8Array | null = null
  doc.once('update', (u: Uint8Array) => (update = u))
  doc.getMap('m').set(key, true)
  return update!
}

async function setUp() {
  const dir = makeTempDataDir()
  dirs.push(dir)
  const mine = openSqliteStorage(dir)
  const theirs = openSqliteStorage(dir)
  handles.push(mine, theirs)
  await mine.createBoard({ id: boardId, title: 'T', template: 'blank', createdAt: 1, secretGeneration: 0 }, Y.encodeStateAsUpdate(new Y.Doc()))
  const published: [number, number][] = []
  const link: BoardLink = {
    stored: (_update, from, to) => void published.push([from, to]),
    awarenessChanged: () => undefined,
    leave: async () => undefined,
  }
  const { fanout, fanned } = testFanout(link)
  const room = await Room.load(boardId, mine, { compactAfterUpdates: 1000, logger: quiet, fanout })
  const relayed: Uint8Array[] = []
  room.join({ send: (message) => void relayed.push(message), sendState: () => undefined, close: () => undefined })
  /** The other instance stores an edit; returns its seq and update, as its Redis message would carry. */
  const otherInstanceWrites = async (doc: Y.Doc, key: string) => {
    const update = edit(doc, key)
    const seq = await theirs.appendUpdates(boardId, [update])
    return { update, seq }
  }
  return { room, fanned, mine, published, relayed, otherInstanceWrites }
}

const keys = (doc: Y.Doc) => Object.keys(doc.getMap('m').toJSON()).sort()

describe('a room fed by other instances', () => {
  it('reads a lost message from storage when the next one shows the gap, and relays both', async () => {
    const { room, fanned, relayed, otherInstanceWrites } = await setUp()
    const other = new Y.Doc()
    await otherInstanceWrites(other, 'lost')
    const second = await otherInstanceWrites(other, 'delivered')
    relayed.length = 0
    fanned().applyStored(second.update, second.seq, second.seq)
    await waitFor(() => keys(room.doc).length === 2, 'the lost edit read from storage')
    expect(keys(room.doc)).toEqual(['delivered', 'lost'])
    // What this room's peers received holds both.
    const peer = new Y.Doc()
    for (const message of relayed) {
      const decoded = decodeMessage(message)
      if (decoded.kind === 'update') Y.applyUpdate(peer, decoded.update)
    }
    expect(keys(peer)).toEqual(['delivered', 'lost'])
    await room.unload()
  })

  it("finds another instance's edit from its own append's number when no message came at all", async () => {
    const { room, published, otherInstanceWrites } = await setUp()
    await otherInstanceWrites(new Y.Doc(), 'theirs')
    const local = new Y.Doc()
    Y.applyUpdate(local, Y.encodeStateAsUpdate(room.doc))
    room.applyUpdate({ send: () => undefined, sendState: () => undefined, close: () => undefined }, edit(local, 'mine'))
    await room.allStored()
    expect(published).toEqual([[2, 2]])
    await waitFor(() => keys(room.doc).length === 2, "the other instance's edit")
    await room.unload()
  })

  it('ignores a message it already holds, and compacts on unload only what it holds, keeping the rest', async () => {
    const { room, fanned, mine, otherInstanceWrites } = await setUp()
    const other = new Y.Doc()
    const first = await otherInstanceWrites(other, 'one')
    fanned().applyStored(first.update, first.seq, first.seq)
    fanned().applyStored(first.update, first.seq, first.seq)
    expect(keys(room.doc)).toEqual(['one'])
    // Stored by the other instance while this one unloads: not in this room's document.
    await otherInstanceWrites(other, 'two')
    await room.unload()
    const stored = await mine.loadDocument(boardId)
    const rebuilt = new Y.Doc()
    if (stored.snapshot) Y.applyUpdate(rebuilt, stored.snapshot)
    stored.updates.forEach((update) => Y.applyUpdate(rebuilt, update))
    expect(stored.updates).toHaveLength(1)
    expect(keys(rebuilt)).toEqual(['one', 'two'])
  })
})
