import * as Y from 'yjs'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import type { Logger } from '../log'
import type { BoardStorage } from '../storage/storage'
import { CLOSE_INTERNAL_ERROR, CLOSE_INVALID_PAYLOAD } from '../../../shared/src/wire/closeCodes'
import {
  ProtocolError,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
} from './protocol'

/** What a room needs from a connection. */
export interface RoomPeer {
  send(message: Uint8Array): void
  close(code: number, reason: string): void
}

export interface RoomOptions {
  compactAfterUpdates: number
  logger: Logger
}

interface PendingUpdate {
  update: Uint8Array
  origin: unknown
}

/**
 * One board in memory: its Y.Doc, its peers and their awareness. Updates are validated by
 * applying them, stored (one transaction per tick) and only then relayed, so no peer ever
 * holds an edit the server could lose.
 */
export class Room {
  private readonly peers = new Map<RoomPeer, Set<number>>()
  private pending: PendingUpdate[] = []
  private writeScheduled = false
  private writes: Promise<void> = Promise.resolve()
  private storageFailed = false

  private constructor(
    readonly boardId: string,
    private readonly storage: BoardStorage,
    readonly doc: Y.Doc,
    readonly awareness: Awareness,
    private storedUpdates: number,
    private readonly options: RoomOptions,
  ) {
    doc.on('update', this.onDocUpdate)
    awareness.on('update', this.onAwarenessUpdate)
  }

  static async load(boardId: string, storage: BoardStorage, options: RoomOptions): Promise<Room> {
    const stored = await storage.loadDocument(boardId)
    const doc = new Y.Doc({ gc: true })
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
    for (const update of stored.updates) Y.applyUpdate(doc, update)
    const awareness = new Awareness(doc)
    // The server itself is not a participant.
    awareness.setLocalState(null)
    return new Room(boardId, storage, doc, awareness, stored.updates.length, options)
  }

  get peerCount(): number {
    return this.peers.size
  }

  join(peer: RoomPeer): void {
    this.peers.set(peer, new Set())
    peer.send(encodeSyncStep1(Y.encodeStateVector(this.doc)))
    const others = Array.from(this.awareness.getStates().keys())
    if (others.length > 0) peer.send(encodeAwareness(encodeAwarenessUpdate(this.awareness, others)))
  }

  /** Removes the peer and, for everyone, the awareness states it controlled. */
  leave(peer: RoomPeer): void {
    const clientIds = this.peers.get(peer)
    this.peers.delete(peer)
    if (clientIds && clientIds.size > 0) removeAwarenessStates(this.awareness, Array.from(clientIds), null)
  }

  /** Answers a peer's state vector with what it misses, once everything it will get is stored. */
  async answerSyncStep1(peer: RoomPeer, stateVector: Uint8Array): Promise<void> {
    await this.allStored()
    let missing: Uint8Array
    try {
      missing = Y.encodeStateAsUpdate(this.doc, stateVector)
    } catch {
      throw new ProtocolError('malformed state vector', CLOSE_INVALID_PAYLOAD)
    }
    peer.send(encodeSyncStep2(missing))
  }

  /** Applies a peer's update; throws a ProtocolError (and changes nothing) if it is invalid. */
  applyUpdate(peer: RoomPeer, update: Uint8Array): void {
    try {
      // Decoding first rejects a malformed update before it can touch the document.
      Y.decodeUpdate(update)
      Y.applyUpdate(this.doc, update, peer)
    } catch (error) {
      throw new ProtocolError(`invalid Yjs update (${(error as Error).message})`, CLOSE_INVALID_PAYLOAD)
    }
  }

  applyAwareness(peer: RoomPeer, update: Uint8Array): void {
    try {
      applyAwarenessUpdate(this.awareness, update, peer)
    } catch (error) {
      throw new ProtocolError(`invalid awareness update (${(error as Error).message})`, CLOSE_INVALID_PAYLOAD)
    }
  }

  sendAwarenessStates(peer: RoomPeer): void {
    const clientIds = Array.from(this.awareness.getStates().keys())
    peer.send(encodeAwareness(encodeAwarenessUpdate(this.awareness, clientIds)))
  }

  /** Resolves once every update applied so far is stored (and relayed). */
  async allStored(): Promise<void> {
    while (this.writeScheduled || this.pending.length > 0) await this.writes
    await this.writes
  }

  /** Stores what is left, merges the log into one snapshot, and frees the document. */
  async unload(): Promise<void> {
    await this.allStored()
    if (!this.storageFailed && this.storedUpdates > 0) await this.compact()
    this.doc.off('update', this.onDocUpdate)
    this.awareness.off('update', this.onAwarenessUpdate)
    this.awareness.destroy()
    this.doc.destroy()
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.pending.push({ update, origin })
    if (this.writeScheduled) return
    this.writeScheduled = true
    // setImmediate gathers every update received in this tick into one storage transaction.
    this.writes = this.writes
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => this.storeAndRelay())
      .catch((error) => this.options.logger.error(`board ${this.boardId}: relay failed: ${(error as Error).message}`))
  }

  private async storeAndRelay(): Promise<void> {
    this.writeScheduled = false
    const batch = this.pending
    this.pending = []
    if (this.storageFailed) return
    try {
      await this.storage.appendUpdates(
        this.boardId,
        batch.map((item) => item.update),
      )
    } catch (error) {
      this.failStorage(error)
      return
    }
    this.storedUpdates += batch.length
    for (const { update, origin } of batch) {
      const message = encodeUpdate(update)
      for (const peer of this.peers.keys()) if (peer !== origin) peer.send(message)
    }
    if (this.storedUpdates >= this.options.compactAfterUpdates) await this.compact()
  }

  private async compact(): Promise<void> {
    try {
      // Every stored update was applied to this doc before it was stored, so the snapshot
      // contains them all and may replace them.
      await this.storage.compact(this.boardId, Y.encodeStateAsUpdate(this.doc))
      this.storedUpdates = 0
    } catch (error) {
      // The log stays as it was: nothing is lost, compaction is retried later.
      this.options.logger.error(`board ${this.boardId}: compaction failed: ${(error as Error).message}`)
    }
  }

  /** Edits that cannot be stored must not be relayed: drop everyone so they resync later. */
  private failStorage(error: unknown): void {
    this.storageFailed = true
    this.options.logger.error(`board ${this.boardId}: storing updates failed: ${(error as Error).message}`)
    for (const peer of Array.from(this.peers.keys())) peer.close(CLOSE_INTERNAL_ERROR, 'the server could not store the board')
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const controlled = this.peers.get(origin as RoomPeer)
    if (controlled) {
      for (const id of added) controlled.add(id)
      for (const id of removed) controlled.delete(id)
    }
    const changed = added.concat(updated, removed)
    // Sent to everyone, the sender included: a lone client's own renewals keep its
    // provider's "no message received" watchdog quiet.
    const message = encodeAwareness(encodeAwarenessUpdate(this.awareness, changed))
    for (const peer of this.peers.keys()) peer.send(message)
  }
}
