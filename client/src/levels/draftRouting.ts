import type { TLRecord, TLShape } from 'tldraw'
import { isCardType } from '../../../shared/src/cards'
import { RECORDS_ROOT } from '../../../shared/src/doc/roots'
import { isDraftedPrivately } from '../../../shared/src/levels/drafting'
import { checkDraftWrite } from '../../../shared/src/rules/draftRule'
import { readSessionValue } from '../../../shared/src/session/sessionState'

// Which new records go to their author's private draft instead of the board: a card made in a
// zone the open drafting round covers (the shared rule, isDraftedPrivately). The zone is the one
// the summary and the reveal see (where the card's centre lies, cards/zoneOnPage). A card the draft's
// own rule would refuse (a copy of someone else's card) goes to the board as before drafting.

/**
 * Whether a new record belongs in `personId`'s draft. `readSession` gives the board's `session`
 * map as plain JSON (read only for a card); `zoneOf` gives the id of the zone a card lies in, or
 * null (asked only while a round is open): most new records are neither.
 */
export function goesToDraft(
  record: TLRecord,
  readSession: () => Readonly<Record<string, unknown>>,
  zoneOf: (card: TLShape) => string | null,
  personId: string,
): boolean {
  if (record.typeName !== 'shape' || !isCardType(record.type)) return false
  const session = readSession()
  const round = readSessionValue(session, 'drafting')
  if (round.status !== 'open') return false
  if (!isDraftedPrivately(round, readSessionValue(session, 'phase'), zoneOf(record))) return false
  const change = new Map([[RECORDS_ROOT, new Map([[record.id, record]])]])
  return checkDraftWrite({ personId, role: 'editor' }, personId, change) === null
}
