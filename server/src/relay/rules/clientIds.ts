import type { BoardStorage } from '../../storage/storage'
import { Refused, type RelayRule } from '../hooks'
import { CLOSE_FORBIDDEN_WRITE } from '../../../../shared/src/wire/closeCodes'

// A Yjs client id belongs to the first person who writes with it (or shows presence under it),
// kept in storage across restarts: a person's offline edits under an older client id still
// sync, and nobody can write structs under someone else's id (Yjs would silently drop the real
// owner's later edits, or apply them somewhere else).

/**
 * One board's client id → person id, loaded with the room; new claims are stored before relaying.
 * Other instances claim ids in the same storage, so an id nobody owns here is looked up there
 * before anyone may use it.
 */
export class ClientIdOwners {
  private unsaved = new Map<string, number[]>()
  /** Ids storage was asked about since the room loaded (the load itself asked about all). */
  private readonly checked = new Set<number>()

  constructor(
    private readonly owners: Map<number, string>,
    private readonly readStored: () => Promise<Map<number, string>>,
  ) {}

  /** Whether some of `clientIds` are unowned here and storage was not asked about them since the room loaded. */
  unchecked(clientIds: Iterable<number>): boolean {
    for (const clientId of clientIds) if (!this.owners.has(clientId) && !this.checked.has(clientId)) return true
    return false
  }

  /** Reads the claims every instance stored, and marks `clientIds` as asked about. */
  async refresh(clientIds: Iterable<number>): Promise<void> {
    const stored = await this.readStored()
    for (const [clientId, personId] of stored) if (!this.owners.has(clientId)) this.owners.set(clientId, personId)
    for (const clientId of clientIds) this.checked.add(clientId)
  }

  ownerOf(clientId: number): string | undefined {
    return this.owners.get(clientId)
  }

  /** Makes `personId` the owner of the ids nobody owns yet. */
  claim(clientIds: Iterable<number>, personId: string): void {
    for (const clientId of clientIds) {
      if (this.owners.has(clientId)) continue
      this.owners.set(clientId, personId)
      const list = this.unsaved.get(personId)
      if (list) list.push(clientId)
      else this.unsaved.set(personId, [clientId])
    }
  }

  /** The room's onStore step: claims reach storage before the updates that made them are relayed. */
  async store(storage: BoardStorage, boardId: string): Promise<void> {
    const claims = this.unsaved
    this.unsaved = new Map()
    for (const [personId, clientIds] of claims) await storage.claimClientIds(boardId, personId, clientIds)
  }

  /** Whether `clientIds` are free or already `personId`'s. */
  mayUse(clientIds: Iterable<number>, personId: string): boolean {
    for (const clientId of clientIds) {
      const owner = this.owners.get(clientId)
      if (owner !== undefined && owner !== personId) return false
    }
    return true
  }
}

/** Runs last among the update rules, so only accepted updates claim ids. */
export const clientIdOwnership: RelayRule = {
  name: 'client-ids',
  beforeHandleUpdate({ room, peer, clients }) {
    if (!peer.writer || clients.size === 0) return
    if (!room.clientOwners.mayUse(clients, peer.writer.personId)) {
      throw new Refused('client-ids', "the update writes under another person's Yjs client id", CLOSE_FORBIDDEN_WRITE)
    }
    room.clientOwners.claim(clients, peer.writer.personId)
  },
}
