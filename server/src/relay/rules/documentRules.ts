import { checkWrite } from '../../../../shared/src/rules/checkWrite'
import { Refused, type RelayRule } from '../hooks'
import { CLOSE_FORBIDDEN_WRITE } from '../../../../shared/src/wire/closeCodes'

/**
 * What a person may write where: meta and session, record validity, parents, attribution, locks,
 * own keys and votes. The rules themselves are shared with the client (shared/src/rules/).
 */
export const documentRules: RelayRule = {
  name: 'document-rules',
  beforeHandleUpdate({ room, peer, change }) {
    // writeAccess (before this rule) lets only a person's connection write.
    if (change.size === 0 || !peer.writer) return
    const refusal = checkWrite(peer.writer, change, room.view)
    if (refusal) throw new Refused(refusal.rule, refusal.message, CLOSE_FORBIDDEN_WRITE)
  },
}
