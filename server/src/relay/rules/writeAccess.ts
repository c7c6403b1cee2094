import { Refused, type RelayRule } from '../hooks'
import { CLOSE_FORBIDDEN_WRITE } from '../../../../shared/src/wire/closeCodes'

/**
 * Viewers never write. A connection without a person token (`p`) still writes with its link's
 * role for now, because the browser does not join as a person yet; once it does, such a
 * connection reads only (issue 9) and this rule refuses its writes too.
 */
export const writeAccess: RelayRule = {
  name: 'write-access',
  beforeHandleUpdate({ peer, change, clients }) {
    if (change.size === 0 && clients.size === 0) return
    if (peer.role === 'viewer') throw new Refused('write-access', 'viewers cannot edit the board', CLOSE_FORBIDDEN_WRITE)
  },
}
