import { createUserId } from '@tldraw/tlschema'
import { isObject } from '../../../../shared/src/board/shapeLike'
import { PEOPLE_ROOT } from '../../../../shared/src/doc/roots'
import { Refused, type RelayRule } from '../hooks'
import { CLOSE_INVALID_PAYLOAD } from '../../../../shared/src/wire/closeCodes'

// Others see who a client is from its presence: the projector follows the facilitator's, the
// people list shows names and roles. So the server writes the identity fields itself, from the
// person token (id, access role, the name they joined with) and the person's own `people` entry
// (their latest name, role, colour), over whatever the client claims.

export const presenceStamp: RelayRule = {
  name: 'presence-stamp',
  beforeHandleAwareness({ room, peer, entries }) {
    for (const entry of entries) {
      let state: unknown
      try {
        state = JSON.parse(entry.json)
      } catch {
        throw new Refused('presence-stamp', 'a presence state is not JSON', CLOSE_INVALID_PAYLOAD)
      }
      if (state === null) continue
      if (!isObject(state)) throw new Refused('presence-stamp', 'a presence state must be an object', CLOSE_INVALID_PAYLOAD)
      const { person, presence, ...rest } = state
      if (!peer.writer) {
        // A link without a person token (it reads only, like the projector's) keeps its claimed
        // identity, but never a higher access role than its link.
        if (isObject(person)) entry.json = JSON.stringify({ ...state, person: { ...person, accessRole: peer.role } })
        continue
      }
      const claimed = isObject(person) ? person : {}
      const entryInDoc = room.view.value(PEOPLE_ROOT, peer.writer.personId)
      const known = isObject(entryInDoc) ? entryInDoc : {}
      const stamped = {
        ...claimed,
        ...known,
        id: peer.writer.personId,
        name: typeof known.name === 'string' ? known.name : peer.writer.name,
        accessRole: peer.writer.role,
      }
      const stampedPresence = isObject(presence)
        ? { ...presence, userId: createUserId(peer.writer.personId), userName: stamped.name }
        : presence
      entry.json = JSON.stringify({ ...rest, person: stamped, ...(presence === undefined ? {} : { presence: stampedPresence }) })
    }
  },
}
