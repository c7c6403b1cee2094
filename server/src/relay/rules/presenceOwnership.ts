import type { RelayPeer, RelayRule } from '../hooks'

/**
 * Client ids new to the room (neither shown nor set by anyone here) that one connection may bring
 * over its life; its others are dropped. An honest y-websocket provider brings one, its own (its
 * awareness keeps the id it started with); what else it sends are echoes of states the room sent
 * it. Each new id costs a storage lookup (or claim) and a state relayed to everyone, so a
 * connection cannot make the server ask about thousands.
 */
export const MAX_NEW_PRESENCE_IDS = 8

/**
 * A connection sets only its own client ids' presence: an id it already sets, one that another
 * connection of the same person set (a reconnect the server has not noticed yet), or a new one
 * (at most MAX_NEW_PRESENCE_IDS) whose owner (claimed in storage, as updates do, so every
 * instance agrees) is this person. Anything else is dropped, not refused: the stock y-websocket
 * provider echoes every presence it receives back to the server, ids that just expired included.
 * A person's presence ids are theirs from then on, so nobody can take the id of someone who has
 * not edited.
 */
export function presenceOwnership(): RelayRule {
  /** The new ids this connection brought, each asked about in storage once. */
  const brought = new Set<number>()
  return {
    name: 'presence-ownership',
    async beforeHandleAwareness(context) {
      const { room, peer } = context
      const personId = peer.writer?.personId ?? null
      const fresh: number[] = []
      const free = context.entries.filter(({ clientId }) => {
        const controller = room.presenceController<RelayPeer>(clientId)
        if (controller === peer) return true
        if (controller !== undefined) return (controller.writer?.personId ?? null) === personId
        if (room.awareness.getStates().has(clientId)) return false
        if (brought.has(clientId)) return true
        if (brought.size >= MAX_NEW_PRESENCE_IDS) return false
        brought.add(clientId)
        fresh.push(clientId)
        return true
      })
      if (personId !== null) await room.clientOwners.claim(fresh, personId)
      else await room.clientOwners.learn(fresh)
      context.entries = free.filter(({ clientId }) => {
        const owner = room.clientOwners.ownerOf(clientId)
        return owner === undefined || owner === personId
      })
    },
  }
}
