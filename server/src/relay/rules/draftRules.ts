import { checkDraftWrite } from '../../../../shared/src/rules/draftRule'
import { Refused, type RelayRule } from '../hooks'
import { CLOSE_FORBIDDEN_WRITE } from '../../../../shared/src/wire/closeCodes'

/**
 * The document rules of a person's draft room (`?draft=1`) in place of the board's: only the
 * owner's own cards, in `records` (shared/src/rules/draftRule.ts).
 */
export function draftDocumentRules(ownerId: string): RelayRule {
  return {
    name: 'draft-rules',
    beforeHandleUpdate({ peer, change }) {
      // writeAccess (before this rule) lets only a person's connection write.
      if (change.size === 0 || !peer.writer) return
      const refusal = checkDraftWrite(peer.writer, ownerId, change)
      if (refusal) throw new Refused(refusal.rule, refusal.message, CLOSE_FORBIDDEN_WRITE)
    },
  }
}
