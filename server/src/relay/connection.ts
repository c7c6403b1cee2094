import type { Duplex } from 'node:stream'
import type { WebSocket, RawData } from 'ws'
import * as Y from 'yjs'
import type { AccessRole } from '../../../shared/src/roles'
import {
  CLOSE_FORBIDDEN_WRITE,
  CLOSE_INTERNAL_ERROR,
  CLOSE_MESSAGE_TOO_BIG,
  CLOSE_POLICY_VIOLATION,
  CLOSE_UNSUPPORTED_DATA,
} from '../../../shared/src/wire/closeCodes'
import type { Logger } from '../log'
import { countRefusedWrite } from '../metrics'
import { decodeAwarenessUpdate, encodeAwarenessEntries } from './awarenessUpdate'
import { Refused, type Person, type RelayPeer, type RelayRule, type UpdateContext } from './hooks'
import { ProtocolError, decodeMessage, invalidUpdate, opensAsSyncStep1, type IncomingMessage } from './protocol'
import type { Room } from './room'
import type { RoomRegistry } from './rooms'
import type { ConnectionRules } from './rules'
import { updateChanges } from './updateChanges'

export interface ConnectionOptions {
  maxMessageBytes: number
  maxSendBufferBytes: number
  logger: Logger
  /** This connection's rules (rules/index.ts). */
  rules: ConnectionRules
}

// A client that stopped reading cannot take part in the close handshake; don't wait long for it.
const TERMINATE_AFTER_CLOSE_MS = 1000
// RFC 6455 limits a close reason to 123 bytes.
const MAX_CLOSE_REASON_BYTES = 123

const frameHeaderBytes = (length: number): number => (length < 126 ? 2 : length < 0x10000 ? 4 : 10)

/** Writes the header of a final, unmasked binary WebSocket frame (RFC 6455 §5.2) of `length` payload bytes. */
function writeFrameHeader(target: Buffer, length: number): void {
  target[0] = 0x82
  if (length < 126) target[1] = length
  else if (length < 0x10000) {
    target[1] = 126
    target.writeUInt16BE(length, 2)
  } else {
    target[1] = 127
    target.writeBigUInt64BE(BigInt(length), 2)
  }
}

/**
 * `message` as one final, unmasked binary WebSocket frame, the only kind a server sends: header
 * and payload in one buffer, one write.
 */
export function websocketFrame(message: Uint8Array): Buffer {
  const headerBytes = frameHeaderBytes(message.byteLength)
  const frame = Buffer.allocUnsafe(headerBytes + message.byteLength)
  writeFrameHeader(frame, message.byteLength)
  frame.set(message, headerBytes)
  return frame
}

/** One frame whose payload is `parts` in order, as the frame's header followed by the parts themselves (none copied). */
export function websocketFrameParts(parts: readonly Uint8Array[]): Uint8Array[] {
  const length = parts.reduce((sum, part) => sum + part.byteLength, 0)
  const header = Buffer.allocUnsafe(frameHeaderBytes(length))
  writeFrameHeader(header, length)
  return [header, ...parts]
}

/** What a message no rule judges is handled with. */
const NO_RULES: readonly RelayRule[] = []

// A message the room relays to all its peers is framed for the first of them, not once per peer.
const frames = new WeakMap<Uint8Array, Buffer>()

function framed(message: Uint8Array): Buffer {
  let frame = frames.get(message)
  if (!frame) frames.set(message, (frame = websocketFrame(message)))
  return frame
}

function closeReason(text: string): string {
  const bytes = Buffer.from(text)
  return bytes.length <= MAX_CLOSE_REASON_BYTES ? text : bytes.subarray(0, MAX_CLOSE_REASON_BYTES - 3).toString().replace(/\uFFFD$/, '') + '...'
}

/**
 * One websocket on one board. Messages are handled strictly in order, after the room and (for all
 * but a sync step 1) the judging rules have loaded, each passed through the relay's rules (hooks.ts) first; anything
 * malformed or refused closes this connection only, with a code and a reason.
 */
export class Connection implements RelayPeer {
  /** The room, once loaded and joined. */
  private room: Room | null = null
  /** A participant's updates that build on edits not received yet, merged, waiting to be judged. */
  private deferred: Uint8Array | null = null
  private closing = false
  /**
   * Set when the server closes the connection or its socket fails: messages still queued are
   * dropped (after a refused edit, the next ones depend on it). A peer closing its own end does not
   * set it: what it sent before closing is still judged and kept, however long the room or the
   * rules take to load.
   */
  private stopped = false
  /** Bytes of requested board state handed to `ws` and not yet written to the socket. */
  private stateBytesWaiting = 0
  private terminateTimer: NodeJS.Timeout | null = null
  /** Settles once every message received so far has been handled. */
  private queue: Promise<void>
  /** Messages in `queue` not handled yet: while there are any, a new one waits its turn. */
  private queued = 0
  /** The judging rules, asked for with the first message: every message but a sync step 1 waits for them before it is handled. */
  private judging: Promise<readonly RelayRule[]> | null = null
  /** The judging rules once loaded. */
  private rules: readonly RelayRule[] | null = null
  /** Resolves when the connection is closed and has released its room. */
  readonly finished: Promise<void>

  constructor(
    private readonly ws: WebSocket,
    /** The socket `ws` reads and writes: relayed messages are written to it as whole frames. */
    private readonly socket: Duplex,
    readonly boardId: string,
    /** The room it holds: the board's id, or the name of the person's draft document on it. */
    readonly docName: string,
    readonly role: AccessRole,
    readonly writer: Person | null,
    registry: RoomRegistry,
    private readonly options: ConnectionOptions,
  ) {
    this.queue = registry.hold(docName).then(
      (room) => {
        // A peer gone before its room loaded never joins it, but what it sent is still judged and stored.
        this.room = room
        if (!this.closing) room.join(this)
      },
      (error) => this.close(CLOSE_INTERNAL_ERROR, 'the board could not be loaded', (error as Error).message),
    )
    ws.on('message', (data, isBinary) => {
      if (this.closing) return
      try {
        for (const rule of options.rules.onArrival) rule.beforeHandleMessage?.(this, messageLength(data))
      } catch (error) {
        return this.fail(error)
      }
      // Asked for as the first message arrives, while the room may still be loading: after a
      // start, a board's first client waits for the slower of the two, not for one after the other.
      // A socket that never sends (a health probe) loads no rules. A failure is reported in order.
      if (!this.judging) {
        this.judging = options.rules.judging().then((rules) => (this.rules = rules))
        this.judging.catch(() => undefined)
      }
      if (this.queued === 0 && this.room && this.rules) {
        // Nothing before it and everything loaded: handled now, not a few promise hops later.
        // Only a message that has to wait (a claim, storage) makes the next ones queue.
        let waiting: Promise<void> | undefined
        try {
          waiting = this.handle(this.rules, data, isBinary)
        } catch (error) {
          return this.fail(error)
        }
        if (waiting) this.enqueue(waiting)
        return
      }
      // A sync step 1 waits for the room only: a client's first answer (a large board's whole state)
      // does not wait for the rules to load too.
      const judging = isBinary && Buffer.isBuffer(data) && opensAsSyncStep1(data) ? NO_RULES : this.judging
      this.enqueue(this.queue.then(() => judging).then((rules) => this.handle(rules, data, isBinary)))
    })
    ws.on('error', (error) => this.onSocketError(error))
    this.finished = new Promise((resolve) => {
      ws.on('close', () => {
        this.closing = true
        if (this.terminateTimer) clearTimeout(this.terminateTimer)
        this.queue = this.queue.then(() => {
          this.room?.leave(this)
          registry.release(docName)
          resolve()
        })
      })
    })
  }

  send(message: Uint8Array): void {
    if (this.closing || this.ws.readyState !== this.ws.OPEN) return
    // The board's state, still being written, does not count: a client reading it is not slow.
    if (this.ws.bufferedAmount - this.stateBytesWaiting + message.byteLength > this.options.maxSendBufferBytes) {
      this.close(
        CLOSE_POLICY_VIOLATION,
        `client is not reading: over ${this.options.maxSendBufferBytes} bytes waiting to be sent`,
      )
      return
    }
    // `ws` holds a frame back only while compressing, which this server never negotiates
    // (relay.ts), so a frame written here keeps its place among those it writes.
    this.socket.write(framed(message))
  }

  sendState(parts: readonly Uint8Array[]): void {
    if (this.closing || this.ws.readyState !== this.ws.OPEN) return
    const frame = websocketFrameParts(parts)
    const bytes = frame.reduce((sum, part) => sum + part.byteLength, 0)
    this.stateBytesWaiting += bytes
    // Written as `send` writes (which see), corked into one system call; the last write's callback
    // runs once the frame has left the socket's buffer, i.e. bufferedAmount.
    this.socket.cork()
    frame.forEach((part, i) => this.socket.write(part, i === frame.length - 1 ? () => (this.stateBytesWaiting -= bytes) : undefined))
    this.socket.uncork()
  }

  close(code: number, reason: string, detail = reason): void {
    // Also when the peer has already gone: its messages after a refused one are dropped.
    this.stopped = true
    if (this.closing) return
    this.closing = true
    this.options.logger.warn(`board ${this.docName}: closing a ${this.role} connection${this.writer ? ` of ${this.writer.personId}` : ''} with ${code}: ${detail}`)
    this.ws.close(code, closeReason(reason))
    this.terminateTimer = setTimeout(() => this.ws.terminate(), TERMINATE_AFTER_CLOSE_MS)
  }

  /** Finishes the messages already received, waits until their edits are stored, then closes. */
  async closeWhenStored(code: number, reason: string): Promise<void> {
    await this.queue
    await this.room?.allStored()
    this.close(code, reason)
  }

  /** Later messages wait for `work` (the handling of one message); its failure closes the connection. */
  private enqueue(work: Promise<void>): void {
    this.queued++
    this.queue = work
      .catch((error) => this.fail(error))
      .finally(() => {
        this.queued--
      })
  }

  /** Handles one message; returns a promise only when it has to wait for something (storage). */
  private handle(rules: readonly RelayRule[], data: RawData, isBinary: boolean): Promise<void> | undefined {
    if (this.stopped || !this.room) return
    if (!isBinary) throw new ProtocolError('text messages are not part of the protocol', CLOSE_UNSUPPORTED_DATA)
    const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)
    if (bytes.byteLength > this.options.maxMessageBytes) {
      throw new ProtocolError(`message of ${bytes.byteLength} bytes is over the ${this.options.maxMessageBytes} byte limit`, CLOSE_MESSAGE_TOO_BIG)
    }
    return this.dispatch(this.room, decodeMessage(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)), rules)
  }

  private dispatch(room: Room, message: IncomingMessage, rules: readonly RelayRule[]): Promise<void> | undefined {
    switch (message.kind) {
      case 'sync-step-1':
        return room.answerSyncStep1(this, message.stateVector)
      case 'sync-step-2':
      case 'update':
        return this.applyCheckedUpdate(room, message.update, rules)
      case 'awareness':
        // A gone peer's presence would outlive it.
        if (this.closing) return
        return this.applyCheckedAwareness(room, message.update, rules)
      case 'query-awareness':
        room.sendAwarenessStates(this)
    }
  }

  /**
   * Runs the update rules, then applies the update. An update that builds on edits not received
   * yet (an edit racing the sync of an offline copy) cannot be judged: it waits, merged with what
   * follows, until it can. A refused update closes the connection: its later edits would depend
   * on the refused ones.
   */
  private applyCheckedUpdate(room: Room, update: Uint8Array, rules: readonly RelayRule[], claimed = false): Promise<void> | undefined {
    let candidate = update
    try {
      if (this.deferred) candidate = Y.mergeUpdates([this.deferred, update])
    } catch (error) {
      throw invalidUpdate(error)
    }
    // A failure to read what a decoded update changes is a fault of this server (1011, logged), not the peer's.
    const changes = updateChanges(room.doc, room.view, candidate)
    // Not a Yjs update: refused here, so nothing reaches the document without the rules.
    if (changes.kind === 'undecodable') throw invalidUpdate(changes.error)
    if (changes.kind === 'malformed') throw new Refused('document-format', changes.message, CLOSE_FORBIDDEN_WRITE)
    if (changes.kind === 'too-deep') throw new Refused('nesting-depth', changes.message, CLOSE_FORBIDDEN_WRITE)
    if (changes.kind === 'unresolved') {
      if (candidate.byteLength > this.options.maxMessageBytes) {
        throw new Refused('deferral', 'the updates depend on edits the server never received', CLOSE_FORBIDDEN_WRITE)
      }
      this.deferred = candidate
      return
    }
    const context: UpdateContext = { room, peer: this, update: candidate, change: changes.change, clients: changes.clients }
    judgeUpdate(rules, context)
    if (this.writer && room.clientOwners.unknown(changes.clients)) {
      // Storage names an owner for every id it is asked to claim: ids still unknown after the
      // claim mean it did not, and claiming again would never end.
      if (claimed) throw new Error(`storage named no owner for client ids it was asked to claim (${changes.clients.size} ids)`)
      return this.claimThenApply(room, update, rules, context, this.writer)
    }
    this.deferred = null
    room.applyUpdate(this, candidate)
  }

  /**
   * Only an accepted update claims its new ids in storage (another instance may claim them at the
   * same instant: storage says who won). It is judged again as it came, with the owners storage
   * named: the winner's own structs under an id may have arrived meanwhile, and would make this
   * writer's look like nothing new (Yjs drops them silently). Then afresh on the doc as it is now.
   */
  private async claimThenApply(room: Room, update: Uint8Array, rules: readonly RelayRule[], context: UpdateContext, writer: Person): Promise<void> {
    await room.clientOwners.claim(context.clients, writer.personId)
    judgeUpdate(rules, context)
    return this.applyCheckedUpdate(room, update, rules, true)
  }

  /** Runs the presence rules, which may rewrite the states, then applies what they let through. */
  private async applyCheckedAwareness(room: Room, update: Uint8Array, rules: readonly RelayRule[]): Promise<void> {
    const context = { room, peer: this, entries: decodeAwarenessUpdate(update) }
    for (const rule of rules) await rule.beforeHandleAwareness?.(context)
    room.applyAwareness(this, encodeAwarenessEntries(context.entries))
  }

  private fail(error: unknown): void {
    if (error instanceof Refused) {
      countRefusedWrite(error.rule)
      this.close(error.closeCode, error.message, `${error.message} (rule: ${error.rule})`)
    } else if (error instanceof ProtocolError) this.close(error.closeCode, error.message)
    else {
      // Not the peer's doing: a fault of this server (or its storage), logged as one.
      this.options.logger.error(`board ${this.docName}: internal error on a ${this.role} connection: ${(error as Error).stack ?? error}`)
      this.close(CLOSE_INTERNAL_ERROR, 'internal error', (error as Error).message)
    }
  }

  private onSocketError(error: Error & { code?: string }): void {
    // `ws` closes the socket itself after these (1009, without a reason, for a message over its
    // hard cap of twice the limit); we only log the one line.
    const code = error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? CLOSE_MESSAGE_TOO_BIG : 'error'
    this.closing = true
    this.stopped = true
    this.options.logger.warn(`board ${this.docName}: ${this.role} connection failed (${code}): ${error.message}`)
  }
}

function judgeUpdate(rules: readonly RelayRule[], context: UpdateContext): void {
  for (const rule of rules) rule.beforeHandleUpdate?.(context)
}

function messageLength(data: RawData): number {
  return Array.isArray(data) ? data.reduce((sum, part) => sum + part.byteLength, 0) : data.byteLength
}
