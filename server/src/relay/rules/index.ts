import type { RelayRule } from '../hooks'
import { boardSize } from './boardSize'
import { clientIdOwnership } from './clientIds'
import { documentRules } from './documentRules'
import { draftDocumentRules } from './draftRules'
import { presenceOwnership } from './presenceOwnership'
import { presenceSize } from './presenceSize'
import { presenceStamp } from './presenceStamp'
import { rateLimit } from './rateLimit'
import { writeAccess } from './writeAccess'

export interface RuleSettings {
  maxMessageBytes: number
  maxMessagesPerSecond: number
  maxBytesPerSecond: number
  maxBoardBytes: number
  maxPresenceBytes: number
}

/**
 * One connection's rules, in the order they run; the first refusal closes the connection. A
 * draft room (`draftOwner`: whose draft it is) judges writes by the draft's rules instead of the board's.
 */
export function connectionRules(settings: RuleSettings, draftOwner: string | null = null): RelayRule[] {
  return [
    rateLimit({ messagesPerSecond: settings.maxMessagesPerSecond, bytesPerSecond: settings.maxBytesPerSecond, maxMessageBytes: settings.maxMessageBytes }),
    writeAccess,
    draftOwner === null ? documentRules : draftDocumentRules(draftOwner),
    boardSize(settings.maxBoardBytes),
    // Last among the update rules: only an accepted update claims client ids.
    clientIdOwnership,
    presenceSize(settings.maxPresenceBytes),
    presenceOwnership,
    presenceStamp,
  ]
}
