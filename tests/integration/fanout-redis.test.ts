import { afterEach, expect, it } from 'vitest'
import type { DisconnectCommand, Fanout, FannedRoom } from '../../server/src/fanout/fanout'
import { openRedisFanout } from '../../server/src/fanout/redisFanout'
import type { Logger } from '../../server/src/log'
import { loadMetrics } from '../../server/src/metrics'
import { describeWhenAvailable, freePort, redisUnavailable, startRedisServer, type RedisServer } from '../support/services'
import { waitFor } from '../support/yclient'

// The Redis fan-out on its own, between two fan-outs in this process as two instances would
// hold them; the rooms are plain recorders of what reaches them.

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined }
const command: DisconnectCommand = { boardId: 'AAAAAAAAAAAAAAAAAAAAAA', roles: ['editor'], code: 4401, reason: 'replaced' }

function recordingRoom(boardId: string) {
  const heard = { stored: [] as [number[], number, number][], awareness: [] as number[][], catchUps: 0 }
  const room: FannedRoom = {
    boardId,
    applyStored: (update, from, to) => heard.stored.push([Array.from(update), from, to]),
    applyRemoteAwareness: (update) => heard.awareness.push(Array.from(update)),
    catchUp: async () => void heard.catchUps++,
  }
  return { room, heard }
}

describeWhenAvailable('Redis fan-out', await redisUnavailable(), () => {
  let redis: RedisServer | null = null
  const fanouts: Fanout[] = []

  afterEach(async () => {
    for (const fanout of fanouts.splice(0)) await fanout.close()
    await redis?.stop()
    redis = null
  })

  async function open(url: string, commands: DisconnectCommand[]): Promise<Fanout> {
    const fanout = await openRedisFanout(url, (c) => commands.push(c), quiet)
    fanouts.push(fanout)
    return fanout
  }

  it("relays a board's updates and presence to the other instances holding it, not back to the sender", async () => {
    redis = await startRedisServer()
    const [one, two] = await Promise.all([open(redis.url, []), open(redis.url, [])])
    const sender = recordingRoom('AAAAAAAAAAAAAAAAAAAAAA')
    const receiver = recordingRoom('AAAAAAAAAAAAAAAAAAAAAA')
    const elsewhere = recordingRoom('BBBBBBBBBBBBBBBBBBBBBB')
    const link = one.join(sender.room)!
    two.join(receiver.room)
    two.join(elsewhere.room)
    // Each room reads storage once its subscription holds.
    await waitFor(() => receiver.heard.catchUps === 1 && sender.heard.catchUps === 1, 'the subscriptions')

    link.stored(new Uint8Array([1, 2, 3]), 7, 8)
    link.awarenessChanged(new Uint8Array([9]))
    await waitFor(() => receiver.heard.awareness.length === 1, 'the presence')
    expect(receiver.heard.stored).toEqual([[[1, 2, 3], 7, 8]])
    expect(receiver.heard.awareness).toEqual([[9]])
    expect(sender.heard).toEqual({ stored: [], awareness: [], catchUps: 1 })
    expect(elsewhere.heard.stored).toEqual([])
    // The receiving instance reports how old the last message was when it arrived.
    const [lag] = (await (await loadMetrics()).redisLagGauge.get()).values
    expect(lag.value).toBeGreaterThan(0)
    expect(lag.value).toBeLessThan(5)
  })

  it('runs a disconnect command once on every instance, the sender included', async () => {
    redis = await startRedisServer()
    const [hereCommands, thereCommands] = [[] as DisconnectCommand[], [] as DisconnectCommand[]]
    const here = await open(redis.url, hereCommands)
    await open(redis.url, thereCommands)
    await here.disconnect(command)
    await waitFor(() => thereCommands.length === 1, 'the command on the other instance')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(hereCommands).toEqual([command])
    expect(thereCommands).toEqual([command])
  })

  it('says when Redis is away, and catches every room up once it is back', async () => {
    redis = await startRedisServer()
    const fanout = await open(redis.url, [])
    const { room, heard } = recordingRoom('AAAAAAAAAAAAAAAAAAAAAA')
    fanout.join(room)
    await waitFor(() => heard.catchUps === 1, 'the subscription')
    await expect(fanout.check!()).resolves.toBeUndefined()
    await redis.kill()
    // ioredis notices the closed connection a moment later.
    let away: Error | null = null
    while (!away) away = await fanout.check!().then(() => null, (error: Error) => error)
    expect(away.message).toMatch(/^Redis at 127\.0\.0\.1:\d+ (is not connected|did not answer within 2000 ms)$/)
    await redis.start()
    await waitFor(() => heard.catchUps === 2, 'a catch-up after the restart', 30_000)
    await expect(fanout.check!()).resolves.toBeUndefined()
  })

  it('refuses to start when Redis does not answer', async () => {
    const port = await freePort()
    await expect(openRedisFanout(`redis://127.0.0.1:${port}`, () => undefined, quiet)).rejects.toThrow(`Redis at 127.0.0.1:${port} does not answer`)
  })
})
