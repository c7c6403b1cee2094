import * as Y from 'yjs'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import { docBoardView, type DocBoardView } from '../../../shared/src/rules/docBoardView'
import type { Logger } from '../log'
import type { BoardStorage } from '../storage/storage'
import { ClientIdOwners } from './rules/clientIds'
import {
  CLOSE_INTERNAL_ERROR,
  CLOSE_INVALID_PAYLOAD,
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
  /** Presence forwarded at most once per this many ms (latest state wins). */
  presenceIntervalMs: number
  logger: Logger
}

interface PendingUpdate {
  update: Uint8Array
  origin: unknown
}

/**
 * One board in memory: its Y.Doc, its peers and their awareness. Updates reach the room only
 * after the relay's rules accepted them (hooks.ts); they are stored (one transaction per tick,
 * after the client-id claims they made) and only then relayed, so no peer ever holds an edit
 * the server could lose. Presence is forwarded in batches, at most once per interval.
 */
export class Room {
  private readonly peers = new Map<RoomPeer, Set<number>>()
  /** Which peer sets each presence client id. */
  private readonly controllers = new Map<number, RoomPeer>()
  private pending: PendingUpdate[] = []
  private writeScheduled = false
  private writes: Promise<void> = Promise.resolve()
  private storageFailed = false
  /** The board as the write rules read it. */
  readonly view: DocBoardView
  private readonly presenceChanged = new Set<number>()
  private presenceTimer: NodeJS.Timeout | null = null
  private lastPresenceSent = -Infinity

  private constructor(
    readonly boardId: string,
    private readonly storage: BoardStorage,
    readonly doc: Y.Doc,
    readonly awareness: Awareness,
    readonly clientOwners: ClientIdOwners,
    private storedUpdates: number,
    /** Bytes of the stored snapshot and updates, for the board size limit. */
    public storedBytes: number,
    private readonly options: RoomOptions,
  ) {
    this.view = docBoardView(doc)
    doc.on('update', this.onDocUpdate)
    awareness.on('update', this.onAwarenessUpdate)
  }

  static async load(boardId: string, storage: BoardStorage, options: RoomOptions): Promise<Room> {
    const [stored, owners] = await Promise.all([storage.loadDocument(boardId), storage.loadClientOwners(boardId)])
    const doc = new Y.Doc({ gc: true })
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
    for (const update of stored.updates) Y.applyUpdate(doc, update)
    const awareness = new Awareness(doc)
    // The server itself is not a participant.
    awareness.setLocalState(null)
    const storedBytes = (stored.snapshot?.byteLength ?? 0) + stored.updates.reduce((sum, update) => sum + update.byteLength, 0)
    return new Room(boardId, storage, doc, awareness, new ClientIdOwners(owners), stored.updates.length, storedBytes, options)
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
    if (!clientIds || clientIds.size === 0) return
    for (const id of clientIds) this.controllers.delete(id)
    removeAwarenessStates(this.awareness, Array.from(clientIds), null)
  }

  /** The peer that sets this client id's presence, if any. */
  presenceController<P extends RoomPeer>(clientId: number): P | undefined {
    return this.controllers.get(clientId) as P | undefined
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

  /** Applies a peer's presence (already checked by the rules); the peer controls those ids from now on. */
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
    if (this.presenceTimer) clearTimeout(this.presenceTimer)
    this.view.dispose()
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
      // onStore: the client ids these updates claimed are stored before anyone receives them.
      await this.clientOwners.store(this.storage, this.boardId)
      await this.storage.appendUpdates(
        this.boardId,
        batch.map((item) => item.update),
      )
    } catch (error) {
      this.failStorage(error)
      return
    }
    this.storedUpdates += batch.length
    for (const { update } of batch) this.storedBytes += update.byteLength
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
      const snapshot = Y.encodeStateAsUpdate(this.doc)
      await this.storage.compact(this.boardId, snapshot)
      this.storedUpdates = 0
      this.storedBytes = snapshot.byteLength
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
    const peer = origin as RoomPeer
    const controlled = this.peers.get(peer)
    if (controlled) {
      for (const id of added.concat(updated)) {
        const previous = this.controllers.get(id)
        // A reconnecting client takes its ids over from its old connection, which must not remove them on leave.
        if (previous && previous !== peer) this.peers.get(previous)?.delete(id)
        this.controllers.set(id, peer)
        controlled.add(id)
      }
      for (const id of removed) {
        controlled.delete(id)
        this.controllers.delete(id)
      }
    }
    for (const id of added.concat(updated, removed)) this.presenceChanged.add(id)
    this.schedulePresence()
  }

  /** Forwards changed presence at most once per interval, each client's latest state. */
  private schedulePresence(): void {
    if (this.presenceTimer) return
    const wait = this.lastPresenceSent + this.options.presenceIntervalMs - performance.now()
    if (wait <= 0) return this.sendPresence()
    this.presenceTimer = setTimeout(() => {
      this.presenceTimer = null
      this.sendPresence()
    }, wait)
  }

  private sendPresence(): void {
    this.lastPresenceSent = performance.now()
    const changed = Array.from(this.presenceChanged)
    this.presenceChanged.clear()
    if (changed.length === 0) return
    // Sent to everyone, the sender included: a lone client's own renewals keep its
    // provider's "no message received" watchdog quiet.
    const message = encodeAwareness(encodeAwarenessUpdate(this.awareness, changed))
    for (const peer of this.peers.keys()) peer.send(message)
  }
}
