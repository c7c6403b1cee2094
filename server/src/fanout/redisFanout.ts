import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { Logger } from '../log'
import { setRedisLag } from '../metrics'
import type { BoardLink, DisconnectCommand, Fanout, FannedRoom } from './fanout'

// One channel per board, subscribed by the instances holding it, and one for commands every
// instance hears. Board messages: kind, sender instance, the payload, then when it was sent
// (lib0 encoding; the time last, so an instance of the previous version, reading only what it
// knows, still reads it).
const BOARD_CHANNEL_PREFIX = 'tavolo:board:'
const COMMAND_CHANNEL = 'tavolo:commands'
const KIND_UPDATE = 0
const KIND_AWARENESS = 1
const CONNECT_TIMEOUT_MS = 10_000
const CHECK_TIMEOUT_MS = 2_000

/** Where Redis is, without the password a URL may carry: for messages and logs. */
function redisAddress(url: string): string {
  const parsed = new URL(url)
  return `${parsed.hostname}:${parsed.port || 6379}`
}

/** Milliseconds since the epoch, finer than Date.now(): a hop between instances takes well under one. */
const wallClockMs = () => performance.timeOrigin + performance.now()

/** Sets the lag gauge from a board message's send time (absent in a previous version's message). */
function noteLag(decoder: decoding.Decoder): void {
  if (decoding.hasContent(decoder)) setRedisLag(Math.max(0, wallClockMs() - decoding.readFloat64(decoder)) / 1000)
}

function encodeBoardMessage(kind: number, instance: string, write: (encoder: encoding.Encoder) => void): Buffer {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, kind)
  encoding.writeVarString(encoder, instance)
  write(encoder)
  encoding.writeFloat64(encoder, wallClockMs())
  return Buffer.from(encoding.toUint8Array(encoder))
}

/**
 * Fan-out through Redis pub/sub. An update is published after it is stored, with its numbers
 * in the board's log, so a receiver that missed one (a restart, a lost connection) sees the
 * gap and reads it from storage; after Redis comes back every room catches up the same way.
 */
export async function openRedisFanout(
  url: string,
  onDisconnect: (command: DisconnectCommand) => void,
  logger: Logger,
): Promise<Fanout> {
  const address = redisAddress(url)
  const instance = randomBytes(12).toString('base64url')
  const publisher = new Redis(url, { lazyConnect: true, connectTimeout: CONNECT_TIMEOUT_MS })
  const subscriber = new Redis(url, { lazyConnect: true, connectTimeout: CONNECT_TIMEOUT_MS })
  const rooms = new Map<string, FannedRoom>()

  let connected = true
  const onError = (error: Error) => {
    // ioredis reconnects by itself and reports every attempt: one line per outage is enough.
    if (connected) logger.warn(`Redis at ${address}: ${error.message}; reconnecting`)
    connected = false
  }
  publisher.on('error', onError)
  subscriber.on('error', onError)
  try {
    await Promise.all([publisher.connect(), subscriber.connect()])
    await subscriber.subscribe(COMMAND_CHANNEL)
  } catch (error) {
    publisher.disconnect()
    subscriber.disconnect()
    throw new Error(`Redis at ${address} does not answer (${(error as Error).message})`)
  }

  subscriber.on('ready', () => {
    connected = true
    logger.info(`Redis at ${address} is back: catching up ${rooms.size} boards from storage`)
    // ioredis renews the subscriptions too; subscribing here tells when they hold, and what was
    // published before that is read from storage.
    const held = Array.from(rooms.values())
    if (held.length === 0) return
    subscriber.subscribe(...held.map((room) => BOARD_CHANNEL_PREFIX + room.boardId)).then(
      () => held.forEach((room) => void room.catchUp()),
      (error) => logger.warn(`Redis resubscribe failed: ${(error as Error).message}`),
    )
  })

  subscriber.on('messageBuffer', (channelBytes: Buffer, message: Buffer) => {
    const channel = channelBytes.toString()
    try {
      if (channel === COMMAND_CHANNEL) {
        const { from, command } = JSON.parse(message.toString()) as { from: string; command: DisconnectCommand }
        if (from !== instance) onDisconnect(command)
        return
      }
      const room = rooms.get(channel.slice(BOARD_CHANNEL_PREFIX.length))
      if (!room) return
      const decoder = decoding.createDecoder(message)
      const kind = decoding.readVarUint(decoder)
      if (decoding.readVarString(decoder) === instance) return
      if (kind === KIND_UPDATE) {
        const from = decoding.readVarUint(decoder)
        const to = decoding.readVarUint(decoder)
        const update = decoding.readVarUint8Array(decoder)
        noteLag(decoder)
        room.applyStored(update, from, to)
      } else if (kind === KIND_AWARENESS) {
        const update = decoding.readVarUint8Array(decoder)
        noteLag(decoder)
        room.applyRemoteAwareness(update)
      }
    } catch (error) {
      logger.warn(`Redis message on ${channel} ignored: ${(error as Error).message}`)
    }
  })

  const publish = (channel: string, message: Buffer | string) => {
    publisher.publish(channel, message).catch((error) => logger.warn(`Redis publish on ${channel} failed: ${(error as Error).message}`))
  }

  return {
    join(room): BoardLink {
      const channel = BOARD_CHANNEL_PREFIX + room.boardId
      rooms.set(room.boardId, room)
      // Not awaited: a room loads while Redis is away. Once subscribed, what was stored before is read.
      subscriber.subscribe(channel).then(
        () => (rooms.get(room.boardId) === room ? room.catchUp() : undefined),
        (error) => logger.warn(`Redis subscribe to ${channel} failed: ${(error as Error).message}`),
      )
      return {
        stored(update, from, to) {
          publish(
            channel,
            encodeBoardMessage(KIND_UPDATE, instance, (encoder) => {
              encoding.writeVarUint(encoder, from)
              encoding.writeVarUint(encoder, to)
              encoding.writeVarUint8Array(encoder, update)
            }),
          )
        },
        awarenessChanged(update) {
          publish(channel, encodeBoardMessage(KIND_AWARENESS, instance, (encoder) => encoding.writeVarUint8Array(encoder, update)))
        },
        async leave() {
          if (rooms.get(room.boardId) === room) rooms.delete(room.boardId)
          subscriber.unsubscribe(channel).catch(() => undefined)
        },
      }
    },
    async disconnect(command) {
      onDisconnect(command)
      try {
        await publisher.publish(COMMAND_CHANNEL, JSON.stringify({ from: instance, command }))
      } catch (error) {
        // The new links hold everywhere already; only connections elsewhere on the old ones stay open.
        logger.error(`Redis at ${address}: other instances were not told to close board ${command.boardId}'s old links: ${(error as Error).message}`)
      }
    },
    async check() {
      // A check answers now, not once Redis is back (ioredis would queue the ping).
      if (publisher.status !== 'ready' || subscriber.status !== 'ready') throw new Error(`Redis at ${address} is not connected`)
      let timer: NodeJS.Timeout | undefined
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Redis at ${address} did not answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS)
      })
      try {
        await Promise.race([publisher.ping(), late])
      } finally {
        clearTimeout(timer)
      }
    },
    async close() {
      rooms.clear()
      await Promise.all(
        [publisher, subscriber].map((client) => (client.status === 'ready' ? client.quit().then(() => undefined) : client.disconnect())),
      )
    },
  }
}
