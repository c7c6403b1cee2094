import type { RelayPeer, RelayRule } from '../hooks'

/**
 * A connection sets only its own client ids' presence: an id it already sets, one that another
 * connection of the same person set (a reconnect the server has not noticed yet), or a new one
 * whose owner (claimed in storage, as updates do, so every instance agrees) is this person.
 * Anything else is dropped, not refused: the stock y-websocket provider echoes every presence
 * it receives back to the server. A person's presence ids are theirs from then on, so nobody
 * can take the id of someone who has not edited.
 */
export const presenceOwnership: RelayRule = {
  name: 'presence-ownership',
  async beforeHandleAwareness(context) {
    const { room, peer } = context
    const personId = peer.writer?.personId ?? null
    const free = context.entries.filter(({ clientId }) => {
      const controller = room.presenceController<RelayPeer>(clientId)
      if (controller === peer) return true
      return controller === undefined ? !room.awareness.getStates().has(clientId) : (controller.writer?.personId ?? null) === personId
    })
    const clientIds = free.map((entry) => entry.clientId)
    if (personId !== null) await room.clientOwners.claim(clientIds, personId)
    else await room.clientOwners.learn(clientIds)
    context.entries = free.filter(({ clientId }) => {
      const owner = room.clientOwners.ownerOf(clientId)
      return owner === undefined || owner === personId
    })
  },
}
