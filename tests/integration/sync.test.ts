import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { createBoardViaApi, startInProcessServer, type InProcessServer } from '../support/server'
import { trackedClients } from '../support/trackedClients'
import { ideaTexts, writeIdea } from '../support/ideaCards'
import { waitFor, waitForConvergence, waitForSync } from '../support/yclient'
import * as Y from 'yjs'
import { META_KEYS, META_ROOT, RECORDS_ROOT } from '../../shared/src/doc/roots'
import { listTemplates, seedBoardDoc } from '../../shared/src/templates/index'

let server: InProcessServer | null = null

/** Data folders a test passed in itself: the server helper leaves those alone. */
const dataDirs: string[] = []

afterEach(async () => {
  await server?.stop()
  server = null
  for (const dir of dataDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

const { client, person, destroyClients } = trackedClients(() => server!.wsUrl)

describe('relay: sync between real y-websocket providers', () => {
  it('two clients converge, both ways, and see the seeded title', async () => {
    server = await startInProcessServer()
    const board = await createBoardViaApi(server.url, { title: 'MSc programme' })
    const a = await person(board.id, board.secrets.facilitator)
    const b = await person(board.id, board.secrets.editor)
    await Promise.all([waitForSync(a), waitForSync(b)])
    expect(a.doc.getMap(META_ROOT).get(META_KEYS.title)).toBe('MSc programme')

    writeIdea(a.doc, a.personId, 'alice', 'from A')
    writeIdea(b.doc, b.personId, 'bob', 'from B')
    await waitForConvergence(a.doc, b.doc)
    expect(ideaTexts(b.doc)).toEqual({ alice: 'from A', bob: 'from B' })
  })

  it('a board created from a template arrives seeded by the server', async () => {
    server = await startInProcessServer()
    const templateId = listTemplates().find((t) => t.id !== 'blank')?.id ?? 'blank'
    const board = await createBoardViaApi(server.url, { template: templateId })
    const a = client(board.id, board.secrets.facilitator)
    const b = client(board.id, board.secrets.editor)
    await Promise.all([waitForSync(a), waitForSync(b)])
    await waitForConvergence(a.doc, b.doc)
    const seeded = new Y.Doc()
    seedBoardDoc(seeded, { title: board.title, templateId })
    expect(a.doc.getMap(META_ROOT).get(META_KEYS.template)).toBe(templateId)
    expect(seeded.getArray(RECORDS_ROOT).length).toBeGreaterThan(0)
    expect(a.doc.getArray(RECORDS_ROOT).length).toBe(seeded.getArray(RECORDS_ROOT).length)
    expect(b.doc.getArray(RECORDS_ROOT).length).toBe(seeded.getArray(RECORDS_ROOT).length)
  })

  it('relays edits of every WebSocket frame length (7, 16 and 64-bit) whole to each peer', async () => {
    server = await startInProcessServer()
    const board = await createBoardViaApi(server.url)
    const a = await person(board.id, board.secrets.editor)
    const readers = [client(board.id, board.secrets.viewer), client(board.id, board.secrets.viewer)]
    await Promise.all([a, ...readers].map((c) => waitForSync(c)))
    // A malformed frame closes the socket and the provider would resync on a new one: each
    // edit must arrive as relayed, on the socket it synced on.
    const sockets = readers.map((reader) => reader.provider.ws)
    // Each edit is relayed as one message of about its text's length (plus the record around it);
    // the last one is read after the long one.
    const texts = { short: 'x', medium: 'm'.repeat(1_000), long: 'l'.repeat(100_000), after: 'y' }
    for (const [key, text] of Object.entries(texts)) writeIdea(a.doc, a.personId, key, text)
    for (const reader of readers) {
      await waitFor(() => Object.keys(ideaTexts(reader.doc)).length === 4, 'every edit to reach the reader')
      expect(ideaTexts(reader.doc)).toEqual(texts)
    }
    expect(readers.map((reader) => reader.provider.ws)).toEqual(sockets)
  })

  it('a late joiner gets the full state', async () => {
    server = await startInProcessServer()
    const board = await createBoardViaApi(server.url)
    const a = await person(board.id, board.secrets.editor)
    await waitForSync(a)
    for (let i = 0; i < 50; i++) writeIdea(a.doc, a.personId, `line${i}`, `line ${i}`)
    const late = client(board.id, board.secrets.viewer)
    await waitForSync(late)
    await waitFor(() => Object.keys(ideaTexts(late.doc)).length === 50, 'the late joiner to get every card')
    expect(ideaTexts(late.doc)).toEqual(ideaTexts(a.doc))
  })

  it('a restart keeps the board', async () => {
    server = await startInProcessServer()
    const dataDir = server.dataDir
    dataDirs.push(dataDir)
    const board = await createBoardViaApi(server.url, { title: 'Kept' })
    const a = await person(board.id, board.secrets.editor)
    await waitForSync(a)
    writeIdea(a.doc, a.personId, 'kept', 'Ada was here')
    const b = client(board.id, board.secrets.viewer)
    await waitFor(() => ideaTexts(b.doc).kept === 'Ada was here', 'the edit to be relayed (hence stored)')
    destroyClients()
    await server.server.close()

    server = await startInProcessServer({ dataDir })
    const again = client(board.id, board.secrets.viewer)
    await waitForSync(again)
    expect(ideaTexts(again.doc).kept).toBe('Ada was here')
    expect(again.doc.getMap(META_ROOT).get(META_KEYS.title)).toBe('Kept')
  })

  it('awareness appears for others and disappears when the socket closes', async () => {
    server = await startInProcessServer()
    const board = await createBoardViaApi(server.url)
    const a = client(board.id, board.secrets.editor)
    const b = client(board.id, board.secrets.editor)
    await Promise.all([waitForSync(a), waitForSync(b)])
    a.provider.awareness.setLocalStateField('user', { name: 'Ada' })
    const aId = a.doc.clientID
    await waitFor(() => b.provider.awareness.getStates().get(aId)?.user?.name === 'Ada', "A's presence at B")

    // Closing the socket (not a graceful awareness removal) must still clear it for everyone.
    a.provider.shouldConnect = false
    ;(a.provider.ws as unknown as WebSocket).terminate()
    await waitFor(() => !b.provider.awareness.getStates().has(aId), "A's presence to disappear at B")
  })

  it("a viewer's presence is relayed; its edit closes it with 4403 and is neither stored nor relayed", async () => {
    server = await startInProcessServer()
    const board = await createBoardViaApi(server.url)
    const viewer = await person(board.id, board.secrets.viewer)
    const editor = await person(board.id, board.secrets.editor)
    await Promise.all([waitForSync(viewer), waitForSync(editor)])

    viewer.provider.awareness.setLocalStateField('user', { name: 'Vera' })
    await waitFor(
      () => editor.provider.awareness.getStates().get(viewer.doc.clientID)?.user?.name === 'Vera',
      "the viewer's presence at the editor",
    )
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      viewer.provider.on('closed' as never, ((info: { code: number; reason: string }) => resolve(info)) as never),
    )
    writeIdea(viewer.doc, viewer.personId, 'viewer', 'not mine to write')
    expect(await closed).toEqual({ code: 4403, reason: 'viewers cannot edit the board' })
    writeIdea(editor.doc, editor.personId, 'editor', 'mine')
    const fresh = client(board.id, board.secrets.viewer)
    await waitForSync(fresh)
    await waitFor(() => ideaTexts(fresh.doc).editor === 'mine', 'the stored card')
    expect(ideaTexts(fresh.doc)).toEqual({ editor: 'mine' })
    expect(ideaTexts(editor.doc)).toEqual({ editor: 'mine' })
  })

  it('a connection without a person token reads: it syncs, and its first edit closes it with 4403, neither stored nor relayed', async () => {
    server = await startInProcessServer()
    const board = await createBoardViaApi(server.url)
    const editor = await person(board.id, board.secrets.editor)
    await waitForSync(editor)
    writeIdea(editor.doc, editor.personId, 'before', 'by a person')
    const tokenless = client(board.id, board.secrets.facilitator)
    await waitForSync(tokenless)
    await waitFor(() => ideaTexts(tokenless.doc).before === 'by a person', 'the tokenless reader to receive the board')

    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      tokenless.provider.on('closed' as never, ((info: { code: number; reason: string }) => resolve(info)) as never),
    )
    writeIdea(tokenless.doc, 'anyone', 'forged', 'by nobody')
    expect(await closed).toEqual({ code: 4403, reason: 'join the board as a person to edit it' })
    writeIdea(editor.doc, editor.personId, 'after', 'still working')
    const fresh = client(board.id, board.secrets.viewer)
    await waitFor(() => ideaTexts(fresh.doc).after === 'still working', 'the stored card')
    expect(ideaTexts(fresh.doc)).toEqual({ before: 'by a person', after: 'still working' })
    expect(ideaTexts(editor.doc)).toEqual({ before: 'by a person', after: 'still working' })
  })

  it('unloads the room once the last client leaves', async () => {
    server = await startInProcessServer()
    const board = await createBoardViaApi(server.url)
    const a = client(board.id, board.secrets.editor)
    await waitForSync(a)
    expect(server.server.stats().loadedRooms).toBe(1)
    a.destroy()
    await waitFor(() => server!.server.stats().loadedRooms === 0, 'the room to unload')
  })
})
