import type { RelayPeer, RelayRule } from '../hooks'

/**
 * A connection sets only its own client ids' presence: an id it already sets, one that another
 * connection of the same person set (a reconnect the server has not noticed yet), or a new one
 * that no one else writes the document with. Anything else is dropped, not refused: the stock
 * y-websocket provider echoes every presence it receives back to the server. A person's
 * presence ids are theirs from then on, so nobody can take the id of someone who has not edited.
 */
export const presenceOwnership: RelayRule = {
  name: 'presence-ownership',
  beforeHandleAwareness(context) {
    const { room, peer } = context
    const personId = peer.writer?.personId ?? null
    context.entries = context.entries.filter(({ clientId }) => {
      const controller = room.presenceController<RelayPeer>(clientId)
      if (controller === peer) return true
      const free = controller === undefined ? !room.awareness.getStates().has(clientId) : (controller.writer?.personId ?? null) === personId
      const owner = room.clientOwners.ownerOf(clientId)
      return free && (owner === undefined || owner === personId)
    })
    if (personId !== null) room.clientOwners.claim(context.entries.map((entry) => entry.clientId), personId)
  },
}
