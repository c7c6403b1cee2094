import { afterEach, describe, expect, it } from 'vitest'
import { openRawSocket, upgradeStatus, waitForClose } from '../support/rawsocket'
import { createBoardViaApi, startServerProcess, type ServerProcess } from '../support/server'
import { ideaTexts, writeIdea } from '../support/ideaCards'
import { trackedClients } from '../support/trackedClients'
import { waitFor, waitForSync, type TestClient } from '../support/yclient'

let proc: ServerProcess | null = null

afterEach(async () => {
  await proc?.stop()
  proc = null
})

const { client, person, destroyClients } = trackedClients(() => proc!.wsUrl)

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('the real server process', () => {
  it('kill -9 mid-edit loses nothing any peer had received', async () => {
    // A low threshold makes compactions happen all along, so some kills land in or near one.
    proc = await startServerProcess({ env: { COMPACT_AFTER_UPDATES: '5' } })
    const board = await createBoardViaApi(proc.url)
    for (const [round, killAfterMs] of [250, 600, 900].entries()) {
      const a = await person(board.id, board.secrets.editor)
      const b = await person(board.id, board.secrets.facilitator)
      await Promise.all([waitForSync(a), waitForSync(b)])
      let i = 0
      const writing = setInterval(() => {
        i++
        writeIdea(a.doc, a.personId, `a-${round}-${i}`, String(i))
        writeIdea(b.doc, b.personId, `b-${round}-${i}`, String(i))
      }, 2)
      const keys = (c: TestClient, from: string) => Object.keys(ideaTexts(c.doc)).filter((k) => k.startsWith(from))
      // The kill must land mid-stream: counted from the first relayed edit, not from a start a loaded machine may delay.
      await waitFor(() => keys(a, 'b-').length > 0, "B's first edit relayed to A")
      await sleep(killAfterMs)
      await proc.kill()
      clearInterval(writing)
      // Disconnect before the restart, so nothing is resent: the server must already have it all.
      a.provider.disconnect()
      b.provider.disconnect()
      const receivedByA = keys(a, 'b-')
      const receivedByB = keys(b, 'a-')
      expect(receivedByA.length).toBeGreaterThan(0)

      await proc.restart()
      const check = client(board.id, board.secrets.viewer)
      await waitForSync(check)
      const stored = ideaTexts(check.doc)
      expect(receivedByA.filter((k) => !(k in stored)), 'relayed to A but lost').toEqual([])
      expect(receivedByB.filter((k) => !(k in stored)), 'relayed to B but lost').toEqual([])
      destroyClients()
    }
  })

  it('never writes a secret to its logs, while logging refusals and bad input', async () => {
    proc = await startServerProcess()
    const board = await createBoardViaApi(proc.url)
    const a = client(board.id, board.secrets.facilitator)
    const b = client(board.id, board.secrets.viewer)
    await Promise.all([waitForSync(a), waitForSync(b)])
    const wrongSecret = 'not-the-secret-0123456789abcdef'
    expect((await upgradeStatus(`${proc.wsUrl}/${board.id}?k=${wrongSecret}`)).status).toBe(401)
    await fetch(`${proc.url}/api/boards/${board.id}/links`, { headers: { Authorization: `Bearer ${board.secrets.editor}` } })
    const raw = await openRawSocket(proc.wsUrl, board.id, board.secrets.editor)
    const closed = waitForClose(raw)
    raw.send(Buffer.from([42]))
    expect((await closed).code).toBe(1003)
    await waitFor(() => proc!.output().includes('with 1003'), 'the bad input to be logged')
    await proc.restart()

    const output = proc.output()
    expect(output).toContain(`websocket /ws/${board.id} refused: 401`)
    expect(output).toContain('facilitator connected')
    for (const secret of [...Object.values(board.secrets), wrongSecret]) expect(output).not.toContain(secret)
  })
})
