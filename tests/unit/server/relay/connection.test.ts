import type { EventEmitter } from 'node:events'
import * as ws from 'ws'
import { describe, expect, it } from 'vitest'
import { websocketFrame, websocketFrameParts } from '../../../../server/src/relay/connection'

// `ws` exports its frame reader; @types/ws leaves it out.
const { Receiver } = ws as unknown as { Receiver: new (options: { isServer: boolean }) => EventEmitter & { write(chunk: Buffer): void } }

/** What `ws`'s own frame reader (as a browser's would) makes of `frame`: the messages it yields. */
function readFrames(frame: Buffer): Buffer[] {
  const receiver = new Receiver({ isServer: false })
  const messages: Buffer[] = []
  receiver.on('message', (data: Buffer) => messages.push(data))
  receiver.on('error', (error: Error) => {
    throw error
  })
  receiver.write(frame)
  return messages
}

// Byte for byte without toEqual, which compares a 64 KiB array element by element (seconds on a busy machine).
const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b)

describe('websocketFrame', () => {
  // Each side of the three length encodings (7-bit, 16-bit, 64-bit) of RFC 6455 §5.2.
  for (const length of [0, 1, 125, 126, 127, 65_535, 65_536, 70_000]) {
    it(`frames a ${length}-byte message as one binary frame a WebSocket client reads back whole`, () => {
      const message = Uint8Array.from({ length }, (_, i) => (i * 31) % 256)
      const frame = websocketFrame(message)
      expect(frame[0]).toBe(0x82)
      expect(frame.length).toBe(message.length + (length < 126 ? 2 : length < 65_536 ? 4 : 10))
      const read = readFrames(frame)
      expect(read).toHaveLength(1)
      expect(sameBytes(read[0], message)).toBe(true)
    })
  }
})

describe('websocketFrameParts', () => {
  for (const length of [0, 125, 126, 65_535, 65_536, 70_000]) {
    it(`frames a ${length}-byte message given as a header and a payload as one frame read back whole, the payload not copied`, () => {
      const message = Uint8Array.from({ length }, (_, i) => (i * 31) % 256)
      const parts = [message.subarray(0, Math.min(3, length)), message.subarray(Math.min(3, length))]
      const frame = websocketFrameParts(parts)
      expect(frame[1]).toBe(parts[0])
      expect(frame[2]).toBe(parts[1])
      expect(sameBytes(Buffer.concat(frame), websocketFrame(message))).toBe(true)
      const read = readFrames(Buffer.concat(frame))
      expect(read).toHaveLength(1)
      expect(sameBytes(read[0], message)).toBe(true)
    })
  }
})
