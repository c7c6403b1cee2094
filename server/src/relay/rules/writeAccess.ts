import { Refused, type RelayRule } from '../hooks'
import { CLOSE_FORBIDDEN_WRITE } from '../protocol'

/** A connection without a person token reads only: any update that changes something closes it. */
export const writeAccess: RelayRule = {
  name: 'write-access',
  beforeHandleUpdate({ peer, change, clients }) {
    if (peer.writer || (change.size === 0 && clients.size === 0)) return
    throw new Refused('write-access', 'this connection reads only: join the board as a person (?p=<token>) to edit', CLOSE_FORBIDDEN_WRITE)
  },
}
