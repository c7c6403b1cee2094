import * as Y from 'yjs'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import type { BoardLink, Fanout, FannedRoom } from '../fanout/fanout'
import { docBoardView, type DocBoardView } from '../../../shared/src/rules/docBoardView'
import { monotonicMs } from '../clock'
import type { Logger } from '../log'
import { countUpdates } from '../metrics'
import type { BoardStorage, StoredDocument } from '../storage/storage'
import { CLOSE_INTERNAL_ERROR, CLOSE_INVALID_PAYLOAD } from '../../../shared/src/wire/closeCodes'
import { LogPosition } from './logPosition'
import { ClientIdOwners } from './rules/clientIds'
import { PRESENCE_INTERVAL_MS } from '../../../shared/src/wire/presence'
import {
  ProtocolError,
  invalidUpdate,
  encodeAwareness,
  encodeSyncStep1,
  encodeUpdate,
  syncStep2Parts,
} from './protocol'

// Besides every COMPACT_AFTER_UPDATES updates, a board is compacted once its log outweighs this
// share of its snapshot (and this minimum), so that stored size follows the board's live size.
const COMPACT_LOG_SHARE_OF_SNAPSHOT = 0.1
const COMPACT_MIN_LOG_BYTES = 8 * 1024

/** What a room needs from a connection. */
export interface RoomPeer {
  send(message: Uint8Array): void
  /** Sends the state the peer asked for, a message given in parts: always delivered, however large the board. */
  sendState(parts: readonly Uint8Array[]): void
  close(code: number, reason: string): void
}

export interface RoomOptions {
  compactAfterUpdates: number
  /** Presence forwarded at most once per this many ms (latest state wins); PRESENCE_INTERVAL_MS by default. */
  presenceIntervalMs?: number
  logger: Logger
  /** Other instances serving the same boards (REDIS_URL); without it the room is alone. */
  fanout?: Fanout
}

/** The server's own edits (the drafting reveal): stored, then relayed to every peer. */
const FROM_SERVER = Symbol('from the server')
/**
 * Who owns the client ids the server writes with, in the room's client-id claims: no person may
 * write under them. Person ids are 22 characters, so this never names a person.
 */
export const SERVER_WRITER = 'server'

/** Origins of changes that are already stored: relayed to this room's peers, never stored again. */
const FROM_STORAGE = Symbol('from storage')
const FROM_OTHER_INSTANCE = Symbol('from another instance')
// Updates from other instances may arrive out of order; a gap still open after this is read
// from storage.
const GAP_GRACE_MS = 100

interface PendingUpdate {
  update: Uint8Array
  origin: unknown
}

/**
 * One board in memory: its Y.Doc, its peers and their awareness. Updates reach the room only
 * after the relay's rules accepted them (hooks.ts); they are stored (one transaction per tick)
 * and only then relayed, so no peer ever holds an edit the server could lose. Presence is
 * forwarded in batches, at most once per interval.
 */
export class Room implements FannedRoom {
  private readonly peers = new Map<RoomPeer, Set<number>>()
  /** Which peer sets each presence client id. */
  private readonly controllers = new Map<number, RoomPeer>()
  private pending: PendingUpdate[] = []
  private writeScheduled = false
  private writes: Promise<void> = Promise.resolve()
  private storageFailed = false
  /** The last update the stored snapshot holds, as far as this room knows. */
  private compactedThrough: number
  /** Bytes of the snapshot and of the updates stored after it, for compaction by size. */
  private snapshotBytes: number
  private loggedBytes: number
  private link: BoardLink | null = null
  private catchingUp: Promise<Error | null> | null = null
  private gapTimer: NodeJS.Timeout | null = null
  /** The board as the write rules read it. */
  readonly view: DocBoardView
  private readonly presenceChanged = new Set<number>()
  private presenceTimer: NodeJS.Timeout | null = null
  private lastPresenceSent = -Infinity
  /**
   * The board as loaded from storage (snapshot, then log; merged into one on first use), for as
   * long as the doc has changed nothing since: a client holding none of it is sent these bytes as
   * they are, which spares encoding the doc again (most of a large board's cold load).
   */
  private loadedState: Uint8Array[] | null

  private constructor(
    readonly boardId: string,
    private readonly storage: BoardStorage,
    readonly doc: Y.Doc,
    readonly awareness: Awareness,
    readonly clientOwners: ClientIdOwners,
    private readonly position: LogPosition,
    stored: StoredDocument,
    private readonly options: RoomOptions,
  ) {
    this.compactedThrough = position.through - stored.updates.length
    this.snapshotBytes = stored.snapshot?.byteLength ?? 0
    this.loggedBytes = stored.updates.reduce((sum, update) => sum + update.byteLength, 0)
    this.view = docBoardView(doc)
    this.loadedState = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates
    // Any change, however it came (a peer, storage, another instance, the server), outdates it.
    doc.once('update', () => (this.loadedState = null))
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
    const room = new Room(boardId, storage, doc, awareness, new ClientIdOwners(owners, storage, boardId), new LogPosition(stored.seq), stored, options)
    room.link = options.fanout?.join(room) ?? null
    return room
  }

  /** Bytes of the board's stored document (snapshot and log), for the board size limit. */
  get storedBytes(): number {
    return this.snapshotBytes + this.loggedBytes
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
    let theirs: Map<number, number>
    try {
      theirs = Y.decodeStateVector(stateVector)
    } catch {
      throw new ProtocolError('malformed state vector', CLOSE_INVALID_PAYLOAD)
    }
    peer.sendState(syncStep2Parts(this.lacksAll(theirs) ? this.mergedLoadedState() : Y.encodeStateAsUpdate(this.doc, stateVector)))
  }

  /** Whether the board is still as loaded and a client with state vector `theirs` holds none of it. */
  private lacksAll(theirs: Map<number, number>): boolean {
    if (!this.loadedState || this.loadedState.length === 0) return false
    for (const [client, clock] of theirs) if (clock > 0 && Y.getState(this.doc.store, client) > 0) return false
    return true
  }

  private mergedLoadedState(): Uint8Array {
    const parts = this.loadedState!
    if (parts.length > 1) this.loadedState = [Y.mergeUpdates(parts)]
    return this.loadedState![0]
  }

  /**
   * Applies a peer's update, already decoded whole by the rules (updateChanges), so a malformed
   * one never reaches here; throws a ProtocolError if Yjs still refuses it.
   */
  applyUpdate(peer: RoomPeer, update: Uint8Array): void {
    try {
      Y.applyUpdate(this.doc, update, peer)
    } catch (error) {
      throw invalidUpdate(error)
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

  /**
   * The server's own edit of the document: stored, then relayed to every peer, like a person's
   * (it passes no rules: the server is the referee). Its client id is claimed for the server first.
   * Resolves once stored; rejects when storage failed, so a caller never goes on as if it were kept.
   */
  async writeAsServer(edit: (doc: Y.Doc) => void): Promise<void> {
    await this.clientOwners.claim([this.doc.clientID], SERVER_WRITER)
    Y.transact(this.doc, () => edit(this.doc), FROM_SERVER)
    await this.allStored()
    if (this.storageFailed) throw new Error(`board ${this.boardId}: the server's edit could not be stored`)
  }

  /** Resolves once every update applied so far is stored (and relayed). */
  async allStored(): Promise<void> {
    while (this.writeScheduled || this.pending.length > 0) await this.writes
    await this.writes
  }

  /** An update another instance stored: relayed to this room's peers, and applied. */
  applyStored(update: Uint8Array, from: number, to: number): void {
    if (to <= this.position.through) return
    // Relayed as that instance stored and relayed it, before the doc applies it: its peers
    // need not wait for that.
    this.relayStored(update)
    Y.applyUpdate(this.doc, update, FROM_OTHER_INSTANCE)
    this.position.add(from, to)
    this.loggedBytes += update.byteLength
    this.watchForGap()
  }

  applyRemoteAwareness(update: Uint8Array): void {
    applyAwarenessUpdate(this.awareness, update, FROM_OTHER_INSTANCE)
  }

  /** Applies (and relays) whatever storage holds beyond this room's position; a failure is logged, and the next catch-up reads again. */
  async catchUp(): Promise<void> {
    await this.readStorage()
  }

  /**
   * Catches up with storage as it is now: a catch-up already running may have read it earlier.
   * Rejects when storage could not be read, so a caller never goes on with a room that may be behind.
   */
  async catchUpNow(): Promise<void> {
    await this.catchingUp
    const failure = await this.readStorage()
    if (failure) throw new Error(`board ${this.boardId}: catching up from storage failed: ${failure.message}`)
  }

  /** The running catch-up, or a new one; resolves to its error (logged) when storage could not be read. */
  private readStorage(): Promise<Error | null> {
    this.catchingUp ??= (async () => {
      let failure: Error | null = null
      try {
        const stored = await this.storage.loadDocument(this.boardId, this.position.through)
        Y.transact(
          this.doc,
          () => {
            if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot)
            for (const update of stored.updates) Y.applyUpdate(this.doc, update)
          },
          FROM_STORAGE,
        )
        this.position.reach(stored.seq)
      } catch (error) {
        failure = error as Error
        this.options.logger.error(`board ${this.boardId}: catching up from storage failed: ${failure.message}`)
      } finally {
        this.catchingUp = null
      }
      this.watchForGap()
      return failure
    })()
    return this.catchingUp
  }

  /** Stores what is left, merges the log into one snapshot, and frees the document. */
  async unload(): Promise<void> {
    await this.link?.leave()
    if (this.gapTimer) clearTimeout(this.gapTimer)
    await this.catchingUp
    await this.allStored()
    if (!this.storageFailed && this.position.through > this.compactedThrough) await this.compact()
    if (this.presenceTimer) clearTimeout(this.presenceTimer)
    this.view.dispose()
    this.doc.off('update', this.onDocUpdate)
    this.awareness.off('update', this.onAwarenessUpdate)
    this.awareness.destroy()
    this.doc.destroy()
  }

  private watchForGap(): void {
    if (!this.position.hasGap || this.gapTimer) return
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null
      if (this.position.hasGap) void this.catchUp()
    }, GAP_GRACE_MS)
  }

  private relayStored(update: Uint8Array): void {
    const message = encodeUpdate(update)
    for (const peer of this.peers.keys()) peer.send(message)
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === FROM_OTHER_INSTANCE) return
    if (origin === FROM_STORAGE) return this.relayStored(update)
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
    const updates = batch.map((item) => item.update)
    let last: number
    try {
      last = await this.storage.appendUpdates(this.boardId, updates)
    } catch (error) {
      this.failStorage(error)
      return
    }
    const first = last - batch.length + 1
    this.position.add(first, last)
    // Published before this instance's own peers are sent to, so the other instances relay to
    // theirs meanwhile instead of after.
    this.link?.stored(updates.length === 1 ? updates[0] : Y.mergeUpdates(updates), first, last)
    for (const { update, origin } of batch) {
      const message = encodeUpdate(update)
      for (const peer of this.peers.keys()) if (peer !== origin) peer.send(message)
    }
    countUpdates(batch.length)
    // Another instance appended in between and its message has not arrived (yet).
    this.watchForGap()
    this.loggedBytes += updates.reduce((sum, update) => sum + update.byteLength, 0)
    if (last - this.compactedThrough >= this.options.compactAfterUpdates || this.logOutgrewSnapshot()) await this.compact()
  }

  /** Many small edits to a small board: the log would soon outweigh the board itself. */
  private logOutgrewSnapshot(): boolean {
    return this.loggedBytes > Math.max(COMPACT_MIN_LOG_BYTES, this.snapshotBytes * COMPACT_LOG_SHARE_OF_SNAPSHOT)
  }

  private async compact(): Promise<void> {
    const through = this.position.through
    if (through <= this.compactedThrough) return
    try {
      // The doc holds every update up to `through` (applied before being stored here, or read
      // from storage or another instance), so the snapshot may replace them. Later ones, maybe
      // appended by another instance meanwhile, stay in the log. A false answer means another
      // instance compacted this far: nothing left to do either way.
      const snapshot = Y.encodeStateAsUpdate(this.doc)
      await this.storage.compact(this.boardId, snapshot, through)
      this.compactedThrough = through
      this.snapshotBytes = snapshot.byteLength
      this.loggedBytes = 0
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
    // Every instance expires silent states itself ('timeout'); only this instance's own changes travel.
    if (origin !== FROM_OTHER_INSTANCE && origin !== 'timeout') {
      this.link?.awarenessChanged(encodeAwarenessUpdate(this.awareness, added.concat(updated, removed)))
    }
  }

  /** Forwards changed presence at most once per interval, each client's latest state. */
  private schedulePresence(): void {
    if (this.presenceTimer) return
    const wait = this.lastPresenceSent + (this.options.presenceIntervalMs ?? PRESENCE_INTERVAL_MS) - monotonicMs()
    if (wait <= 0) return this.sendPresence()
    this.presenceTimer = setTimeout(() => {
      this.presenceTimer = null
      this.sendPresence()
    }, wait)
  }

  private sendPresence(): void {
    this.lastPresenceSent = monotonicMs()
    const changed = Array.from(this.presenceChanged)
    this.presenceChanged.clear()
    if (changed.length === 0) return
    // Sent to everyone, the sender included: a lone client's own renewals keep its
    // provider's "no message received" watchdog quiet.
    const message = encodeAwareness(encodeAwarenessUpdate(this.awareness, changed))
    for (const peer of this.peers.keys()) peer.send(message)
  }
}
