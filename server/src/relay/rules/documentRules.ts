import { checkWrite } from '../../../../shared/src/rules/checkWrite'
import { Refused, type RelayRule } from '../hooks'
import { CLOSE_FORBIDDEN_WRITE } from '../protocol'

/**
 * What a person may write where: meta and session, record validity, parents, attribution, locks,
 * own keys and votes. The rules themselves are shared with the client (shared/src/rules/).
 */
export const documentRules: RelayRule = {
  name: 'document-rules',
  beforeHandleUpdate({ room, peer, change }) {
    if (!peer.writer || change.size === 0) return
    const refusal = checkWrite(peer.writer, change, room.view)
    if (refusal) throw new Refused(refusal.rule, refusal.message, CLOSE_FORBIDDEN_WRITE)
  },
}
