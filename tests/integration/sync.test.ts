import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { createBoardViaApi, startInProcessServer, type InProcessServer } from '../support/server'
import { trackedClients } from '../support/trackedClients'
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

const { client, destroyClients } = trackedClients(() => server!.wsUrl)

describe('relay: sync between real y-websocket providers', () => {
  it('two clients converge, both ways, and see the seeded title', async () => {
    server = await startInProcessServer()
    const board = await createBoardViaApi(server.url, { title: 'MSc programme' })
    const a = client(board.id, board.secrets.facilitator)
    const b = client(board.id, board.secrets.editor)
    await Promise.all([waitForSync(a), waitForSync(b)])
    expect(a.doc.getMap(META_ROOT).get(META_KEYS.title)).toBe('MSc programme')

    a.doc.getMap('votes').set('card-1/alice', 2)
    b.doc.getMap('votes').set('card-1/bob', 3)
    await waitForConvergence(a.doc, b.doc)
    expect(b.doc.getMap('votes').toJSON()).toEqual({ 'card-1/alice': 2, 'card-1/bob': 3 })
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

  it('a late joiner gets the full state', async () => {
    server = await startInProcessServer()
    const board = await createBoardViaApi(server.url)
    const a = client(board.id, board.secrets.editor)
    await waitForSync(a)
    const text = a.doc.getText('notes')
    for (let i = 0; i < 50; i++) text.insert(text.length, `line ${i}\n`)
    const late = client(board.id, board.secrets.viewer)
    await waitForSync(late)
    await waitFor(() => late.doc.getText('notes').toString() === text.toString(), 'the late joiner to get every line')
  })

  it('a restart keeps the board', async () => {
    server = await startInProcessServer()
    const dataDir = server.dataDir
    dataDirs.push(dataDir)
    const board = await createBoardViaApi(server.url, { title: 'Kept' })
    const a = client(board.id, board.secrets.editor)
    await waitForSync(a)
    a.doc.getMap('people').set('p1', { name: 'Ada', role: 'citizen' })
    const b = client(board.id, board.secrets.viewer)
    await waitFor(() => b.doc.getMap('people').has('p1'), 'the edit to be relayed (hence stored)')
    destroyClients()
    await server.server.close()

    server = await startInProcessServer({ dataDir })
    const again = client(board.id, board.secrets.viewer)
    await waitForSync(again)
    expect(again.doc.getMap('people').get('p1')).toEqual({ name: 'Ada', role: 'citizen' })
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
    const viewer = client(board.id, board.secrets.viewer)
    const editor = client(board.id, board.secrets.editor)
    await Promise.all([waitForSync(viewer), waitForSync(editor)])

    viewer.provider.awareness.setLocalStateField('user', { name: 'Vera' })
    await waitFor(
      () => editor.provider.awareness.getStates().get(viewer.doc.clientID)?.user?.name === 'Vera',
      "the viewer's presence at the editor",
    )
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      viewer.provider.on('closed' as never, ((info: { code: number; reason: string }) => resolve(info)) as never),
    )
    viewer.doc.getMap('votes').set('card/viewer', 5)
    expect(await closed).toEqual({ code: 4403, reason: 'viewers cannot edit the board' })
    editor.doc.getMap('votes').set('card/editor', 1)
    const fresh = client(board.id, board.secrets.editor)
    await waitForSync(fresh)
    await waitFor(() => fresh.doc.getMap('votes').get('card/editor') === 1, 'the stored vote')
    expect(fresh.doc.getMap('votes').has('card/viewer')).toBe(false)
    expect(editor.doc.getMap('votes').has('card/viewer')).toBe(false)
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
