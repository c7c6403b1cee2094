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
    if (change.size === 0) return
    // A link without a person token is judged on everything but whose keys and cards are whose
    // (writeAccess.ts says why it may still write).
    const writer = peer.writer ?? { personId: '', role: peer.role }
    const refusal = checkWrite(writer, change, room.view, { personKnown: peer.writer !== null })
    if (refusal) throw new Refused(refusal.rule, refusal.message, CLOSE_FORBIDDEN_WRITE)
  },
}
