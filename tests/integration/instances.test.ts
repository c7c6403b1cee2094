import fs from 'node:fs'
import { afterEach, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CLOSE_SECRET_ROTATED } from '../../shared/src/wire/closeCodes'
import { encodeUpdate } from '../../server/src/relay/protocol'
import { startFailoverProxy, type FailoverProxy } from '../support/failoverProxy'
import { openRawSocket, waitForClose } from '../support/rawsocket'
import { createBoardViaApi, joinBoardViaApi, makeTempDataDir, startServerProcess, type ServerProcess } from '../support/server'
import {
  REDIS_URL,
  createTestDatabase,
  describeWhenAvailable,
  postgresUnavailable,
  redisUnavailable,
  startRedisServer,
  type RedisServer,
  type TestDatabase,
} from '../support/services'
import { ideaTexts, writeIdea } from '../support/ideaCards'
import { connectClient, waitFor, waitForConvergence, waitForSync, type PersonClient, type TestClient } from '../support/yclient'

// Two real server processes on one machine sharing one PostgreSQL database and one Redis, as
// several instances behind a load balancer would. They share the data folder only for the
// server key every board secret derives from (copied between hosts in production).

const unavailable = (await postgresUnavailable()) ?? (await redisUnavailable())

describeWhenAvailable('two instances over PostgreSQL and Redis', unavailable, () => {
  let database: TestDatabase | null = null
  let dataDir = ''
  const instances: ServerProcess[] = []
  const clients: TestClient[] = []
  const proxies: FailoverProxy[] = []
  let redis: RedisServer | null = null

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    for (const proxy of proxies.splice(0)) await proxy.close()
    for (const instance of instances.splice(0)) await instance.stop()
    await redis?.stop()
    redis = null
    await database?.drop()
    database = null
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  })

  async function startInstances(count: number, redisUrl = REDIS_URL, env: Record<string, string> = {}): Promise<ServerProcess[]> {
    database = await createTestDatabase()
    dataDir = makeTempDataDir()
    // One after the other would hide a migration race: they start together.
    const started = await Promise.all(
      Array.from({ length: count }, () =>
        startServerProcess({ dataDir, env: { DATABASE_URL: database!.url, REDIS_URL: redisUrl, ...env } }),
      ),
    )
    instances.push(...started)
    return started
  }

  function client(wsUrl: string, boardId: string, secret: string): TestClient {
    const c = connectClient(wsUrl, boardId, secret)
    clients.push(c)
    return c
  }

  /** A client that joined as a person on `instance` (so it may write), connected to `wsUrl`. */
  async function person(instance: ServerProcess, wsUrl: string, boardId: string, secret: string): Promise<PersonClient> {
    const { personId, token } = await joinBoardViaApi(instance.url, boardId, secret)
    const c = { ...connectClient(wsUrl, boardId, secret, { token }), personId, token }
    clients.push(c)
    return c
  }

  const keysOf = (c: TestClient) => Object.keys(ideaTexts(c.doc))
  const edit = (c: PersonClient, key: string, value: number) => writeIdea(c.doc, c.personId, key, String(value))
  const has = (c: TestClient, key: string) => key in ideaTexts(c.doc)

  it('clients on different instances converge, presence included, with compaction on both', async () => {
    const [a, b] = await startInstances(2, REDIS_URL, { COMPACT_AFTER_UPDATES: '15' })
    const board = await createBoardViaApi(a.url, { title: 'Due istanze' })
    const onA = await person(a, a.wsUrl, board.id, board.secrets.editor)
    const onB = await person(b, b.wsUrl, board.id, board.secrets.editor)
    await Promise.all([waitForSync(onA), waitForSync(onB)])
    expect(onB.doc.getMap('meta').get('title')).toBe('Due istanze')

    for (let i = 0; i < 40; i++) {
      edit(onA, `a${i}`, i)
      edit(onB, `b${i}`, i)
      if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 20))
    }
    await waitForConvergence(onA.doc, onB.doc)
    expect(keysOf(onB)).toHaveLength(80)

    onA.provider.awareness.setLocalStateField('user', { name: 'Ada' })
    await waitFor(
      () => Array.from(onB.provider.awareness.getStates().values()).some((state) => state.user?.name === 'Ada'),
      "A's presence on B",
    )

    // What both instances stored, compacted as they went, read by a third client.
    const late = client(b.wsUrl, board.id, board.secrets.viewer)
    await waitForSync(late)
    expect(keysOf(late)).toHaveLength(80)
  })

  it('after kill -9 of one instance mid-edits its clients go on through the other, and nothing acknowledged is lost', async () => {
    const [a, b] = await startInstances(2, REDIS_URL, { COMPACT_AFTER_UPDATES: '25' })
    const board = await createBoardViaApi(a.url)
    const proxy = await startFailoverProxy([a.port, b.port])
    proxies.push(proxy)
    // Goes through the proxy, so it reconnects to B; the other writer dies with A.
    const writer = await person(b, proxy.wsUrl, board.id, board.secrets.editor)
    const doomed = await person(a, a.wsUrl, board.id, board.secrets.editor)
    const observer = client(b.wsUrl, board.id, board.secrets.viewer)
    await Promise.all([writer, doomed, observer].map((c) => waitForSync(c)))

    let seenAtKill: string[] = []
    for (let i = 0; i < 150; i++) {
      edit(writer, `w${i}`, i)
      edit(doomed, `d${i}`, i)
      if (i === 60) {
        // Killed only once A has relayed some of the doomed writer's edits, however slow the machine.
        await waitFor(() => keysOf(observer).some((key) => key.startsWith('d')), "the doomed writer's edits relayed by A")
        await a.kill()
        // Seen on B means relayed by A, which means stored: that is what must survive.
        seenAtKill = keysOf(observer)
        doomed.destroy()
      }
      await new Promise((resolve) => setTimeout(resolve, 3))
    }
    expect(seenAtKill.filter((key) => key.startsWith('d')).length).toBeGreaterThan(0)

    await waitFor(() => writer.provider.wsconnected, 'the writer to reconnect through the proxy')
    await waitFor(() => keysOf(observer).filter((key) => key.startsWith('w')).length === 150, "every one of the writer's edits on B")
    await waitForConvergence(writer.doc, observer.doc)

    const fresh = client(b.wsUrl, board.id, board.secrets.viewer)
    await waitForSync(fresh)
    const stored = keysOf(fresh)
    expect(seenAtKill.filter((key) => !stored.includes(key))).toEqual([])
    expect(stored.filter((key) => key.startsWith('w'))).toHaveLength(150)
  })

  it("refuses structs under a client id another instance's person claimed after this instance loaded the board", async () => {
    const [a, b] = await startInstances(2)
    const board = await createBoardViaApi(a.url)
    // B loads the board first, while the facilitator's client id is nobody's.
    const squatter = await person(b, b.wsUrl, board.id, board.secrets.editor)
    await waitForSync(squatter)
    const owner = await person(a, a.wsUrl, board.id, board.secrets.facilitator)
    await waitForSync(owner)
    edit(owner, 'claimed', 1)
    await waitFor(() => has(squatter, 'claimed'), "the owner's first edit on B (so its claim is stored)")

    const forged = new Y.Doc()
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(squatter.doc))
    forged.clientID = owner.doc.clientID
    const before = Y.encodeStateVector(forged)
    writeIdea(forged, squatter.personId, 'squatted', 'under your id')
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      squatter.provider.on('closed' as never, ((info: { code: number; reason: string }) => resolve(info)) as never),
    )
    Y.applyUpdate(squatter.doc, Y.encodeStateAsUpdate(forged, before))
    expect(await closed).toEqual({ code: 4403, reason: "the update writes under another person's Yjs client id" })

    // The owner goes on writing under its id, and nobody ever sees the squatted card.
    edit(owner, 'after', 2)
    const reader = client(b.wsUrl, board.id, board.secrets.viewer)
    await waitFor(() => has(reader, 'after'), "the owner's later edit, read on B")
    expect(has(reader, 'squatted')).toBe(false)
  })

  it('of two people writing under one new client id on two instances at the same instant, only the one storage names is accepted', async () => {
    const [a, b] = await startInstances(2)
    const board = await createBoardViaApi(a.url)
    const people = await Promise.all([a, b].map((instance) => joinBoardViaApi(instance.url, board.id, board.secrets.editor)))
    const sockets = await Promise.all([a, b].map((instance, i) => openRawSocket(instance.wsUrl, board.id, board.secrets.editor, people[i].token)))
    const closes = sockets.map((socket, i) => waitForClose(socket).then((info) => ({ i, info })))
    // Each writes its own card under the same never-seen client id. Each instance claims the id
    // in storage before judging its update, long before the winner's update can reach the other
    // instance through Redis.
    const keys = ['fromA', 'fromB']
    sockets.forEach((socket, i) => {
      const doc = new Y.Doc()
      doc.clientID = 777_777
      writeIdea(doc, people[i].personId, keys[i], 'mine')
      socket.send(encodeUpdate(Y.encodeStateAsUpdate(doc)))
    })
    const refused = await Promise.race(closes)
    expect(refused.info).toEqual({ code: 4403, reason: "the update writes under another person's Yjs client id" })
    const reader = client(b.wsUrl, board.id, board.secrets.viewer)
    await waitFor(() => has(reader, keys[1 - refused.i]), "the winner's card")
    expect(has(reader, keys[refused.i])).toBe(false)
    expect(sockets[1 - refused.i].readyState).toBe(sockets[1 - refused.i].OPEN)
    for (const socket of sockets) socket.close()
  })

  it('replacing the links on one instance closes the old links on both', async () => {
    const [a, b] = await startInstances(2)
    const board = await createBoardViaApi(a.url)
    const sockets = await Promise.all(
      [a, b].flatMap((instance) => [board.secrets.editor, board.secrets.viewer].map((secret) => openRawSocket(instance.wsUrl, board.id, secret))),
    )
    const facilitatorOnB = await openRawSocket(b.wsUrl, board.id, board.secrets.facilitator)
    const closes = sockets.map((ws) => waitForClose(ws))
    const res = await fetch(`${a.url}/api/boards/${board.id}/links/rotate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${board.secrets.facilitator}` },
    })
    expect(res.status).toBe(200)
    for (const closed of await Promise.all(closes)) expect(closed.code).toBe(CLOSE_SECRET_ROTATED)
    expect(facilitatorOnB.readyState).toBe(facilitatorOnB.OPEN)
    facilitatorOnB.close()
    // And the old link is refused by either instance from now on.
    await expect(openRawSocket(b.wsUrl, board.id, board.secrets.editor)).rejects.toThrow(/401/)
  })

  it('survives a Redis restart: edits made while Redis was away reach the other instance without a reload', async () => {
    redis = await startRedisServer()
    const [a, b] = await startInstances(2, redis.url)
    const board = await createBoardViaApi(a.url)
    const onA = await person(a, a.wsUrl, board.id, board.secrets.editor)
    const onB = await person(b, b.wsUrl, board.id, board.secrets.editor)
    await Promise.all([waitForSync(onA), waitForSync(onB)])
    edit(onA, 'before', 1)
    await waitFor(() => has(onB, 'before'), 'the first edit on B')

    expect((await fetch(`${b.url}/readyz`)).status).toBe(200)
    await redis.kill()
    edit(onA, 'during', 2)
    edit(onB, 'during-b', 3)
    // Not ready while the other instances cannot be reached (a load balancer sends people elsewhere).
    const readyz = async () => {
      const res = await fetch(`${b.url}/readyz`)
      return [res.status, ((await res.json()) as { failed: string[] }).failed]
    }
    let readiness = await readyz()
    while (readiness[0] === 200) readiness = await readyz()
    expect(readiness).toEqual([503, ['redis']])
    await redis.start()

    await waitFor(() => has(onB, 'during') && has(onA, 'during-b'), 'edits made during the outage on both', 30_000)
    edit(onB, 'after', 4)
    await waitFor(() => has(onA, 'after'), 'an edit after the restart on A')
    await waitForConvergence(onA.doc, onB.doc)
    expect(onA.provider.wsconnected && onB.provider.wsconnected).toBe(true)
  })
})

