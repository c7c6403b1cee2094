import type { RelayRule } from '../hooks'
import { boardSize } from './boardSize'
import { clientIdOwnership } from './clientIds'
import { documentRules } from './documentRules'
import { draftDocumentRules } from './draftRules'
import type { RuleSettings } from './index'
import { presenceOwnership } from './presenceOwnership'
import { presenceSize } from './presenceSize'
import { presenceStamp } from './presenceStamp'
import { writeAccess } from './writeAccess'

/** The rules after the rate limit, in the order they run (loaded lazily: index.ts). */
export function judgingRules(settings: RuleSettings, draftOwner: string | null): RelayRule[] {
  return [
    writeAccess,
    draftOwner === null ? documentRules : draftDocumentRules(draftOwner),
    boardSize(settings.maxBoardBytes),
    // Last among the update rules: only an accepted update claims client ids.
    clientIdOwnership,
    presenceSize(settings.maxPresenceBytes),
    presenceOwnership(),
    presenceStamp,
  ]
}
