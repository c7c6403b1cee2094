import { Refused, type RelayPeer, type RelayRule } from '../hooks'
import { CLOSE_FORBIDDEN_WRITE } from '../protocol'

/**
 * A connection sets only its own client ids' presence: ids no one else controls, or that another
 * connection of the same person controlled (a reconnect the server has not noticed yet), and
 * never ids another person writes the document with. A person's presence ids are theirs from then
 * on, so nobody can take the id of someone who has not edited yet.
 */
export const presenceOwnership: RelayRule = {
  name: 'presence-ownership',
  beforeHandleAwareness({ room, peer, entries }) {
    const personId = peer.writer?.personId ?? null
    const clientIds = entries.map((entry) => entry.clientId)
    for (const clientId of clientIds) {
      const controller = room.presenceController<RelayPeer>(clientId)
      const samePerson = controller === undefined || (controller.writer?.personId ?? null) === personId
      if (!samePerson || (personId !== null ? !room.clientOwners.mayUse([clientId], personId) : room.clientOwners.ownerOf(clientId) !== undefined)) {
        throw new Refused('presence-ownership', "a connection can only set its own presence, not another client's", CLOSE_FORBIDDEN_WRITE)
      }
    }
    if (personId !== null) room.clientOwners.claim(clientIds, personId)
  },
}
