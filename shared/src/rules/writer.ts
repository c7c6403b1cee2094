import type { AccessRole } from '../roles'

// Who is writing, as the server knows it from the person token (never from the document or
// presence), and why a write was refused. Both sides judge writes with these.

export interface Writer {
  /** The person id the server made for this person (POST /api/boards/:id/people). */
  personId: string
  role: AccessRole
}

/** Why a write is refused: `rule` names the rule module, `message` is short enough for a close reason. */
export interface Refusal {
  rule: string
  message: string
}

export const refuse = (rule: string, message: string): Refusal => ({ rule, message })
