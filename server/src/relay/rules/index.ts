import { loadOnce } from '../../lazy'
import type { RelayRule } from '../hooks'
import { rateLimit } from './rateLimit'

export interface RuleSettings {
  maxMessageBytes: number
  maxMessagesPerSecond: number
  maxBytesPerSecond: number
  maxBoardBytes: number
  maxPresenceBytes: number
}

/** One connection's rules (connection.ts runs them); the first refusal closes the connection. */
export interface ConnectionRules {
  /** Run as each message arrives, before it is queued: they never wait for anything. */
  readonly onArrival: readonly RelayRule[]
  /** The rules that judge updates and presence, in the order they run; no message is handled before they are loaded. */
  judging(): Promise<readonly RelayRule[]>
}

// The judging rules bring the board's schema and the shared write rules (about 250 KB of code):
// they are loaded with the first message any connection sends, not at start.
const judgingModule = loadOnce(() => import('./judging'))

/** A draft room (`draftOwner`: whose draft it is) judges writes by the draft's rules instead of the board's. */
export function connectionRules(settings: RuleSettings, draftOwner: string | null = null): ConnectionRules {
  return {
    onArrival: [
      rateLimit({ messagesPerSecond: settings.maxMessagesPerSecond, bytesPerSecond: settings.maxBytesPerSecond, maxMessageBytes: settings.maxMessageBytes }),
    ],
    judging: async () => (await judgingModule()).judgingRules(settings, draftOwner),
  }
}
