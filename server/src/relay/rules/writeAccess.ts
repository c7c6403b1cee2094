import { Refused, type RelayRule } from '../hooks'
import { CLOSE_FORBIDDEN_WRITE } from '../../../../shared/src/wire/closeCodes'

/**
 * Only a known person writes: viewers never, and a connection without a person token (`p`)
 * reads only, because every other rule judges a write by whose keys, cards and client ids it
 * touches, which needs the person the token names.
 */
export const writeAccess: RelayRule = {
  name: 'write-access',
  beforeHandleUpdate({ peer, change, clients }) {
    if (change.size === 0 && clients.size === 0) return
    if (peer.role === 'viewer') throw new Refused('write-access', 'viewers cannot edit the board', CLOSE_FORBIDDEN_WRITE)
    if (!peer.writer) throw new Refused('write-access', 'join the board as a person to edit it', CLOSE_FORBIDDEN_WRITE)
  },
}
