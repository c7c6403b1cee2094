import type { BoardStorage } from '../../storage/storage'
import { Refused, type RelayRule } from '../hooks'
import { CLOSE_FORBIDDEN_WRITE } from '../../../../shared/src/wire/closeCodes'

// A Yjs client id belongs to the first person who writes with it (or shows presence under it),
// kept in storage across restarts: a person's offline edits under an older client id still
// sync, and nobody can write structs under someone else's id (Yjs would silently drop the real
// owner's later edits, or apply them somewhere else).

/**
 * One board's client id → person id, loaded with the room. An id nobody owns here is claimed in
 * storage before anyone may use it, and storage answers who owns it after the claim: of two
 * instances claiming one new id at the same instant, only the person storage names may use it.
 */
export class ClientIdOwners {
  constructor(
    private readonly owners: Map<number, string>,
    private readonly storage: BoardStorage,
    private readonly boardId: string,
  ) {}

  /** Whether some of `clientIds` have no owner this room knows of. */
  unknown(clientIds: Iterable<number>): boolean {
    for (const clientId of clientIds) if (!this.owners.has(clientId)) return true
    return false
  }

  /** Makes `personId` the owner, in storage, of those ids nobody owns yet, and learns who owns each after the claim. */
  async claim(clientIds: Iterable<number>, personId: string): Promise<void> {
    const unowned = Array.from(clientIds).filter((clientId) => !this.owners.has(clientId))
    if (unowned.length === 0) return
    const owners = await this.storage.claimClientIds(this.boardId, personId, unowned)
    for (const [clientId, owner] of owners) this.owners.set(clientId, owner)
  }

  /** Learns who owns those ids that have no owner here, without claiming them (for a connection that is nobody). */
  async learn(clientIds: Iterable<number>): Promise<void> {
    const unowned = Array.from(clientIds).filter((clientId) => !this.owners.has(clientId))
    if (unowned.length === 0) return
    const stored = await this.storage.loadClientOwners(this.boardId, unowned)
    for (const [clientId, personId] of stored) this.owners.set(clientId, personId)
  }

  ownerOf(clientId: number): string | undefined {
    return this.owners.get(clientId)
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

/**
 * Refuses structs under ids another person owns; an id nobody owns yet passes, and the connection
 * claims it (ClientIdOwners.claim) once every rule has accepted the update, then judges it again.
 */
export const clientIdOwnership: RelayRule = {
  name: 'client-ids',
  beforeHandleUpdate({ room, peer, clients }) {
    if (!peer.writer || clients.size === 0) return
    if (!room.clientOwners.mayUse(clients, peer.writer.personId)) {
      throw new Refused('client-ids', "the update writes under another person's Yjs client id", CLOSE_FORBIDDEN_WRITE)
    }
  },
}
