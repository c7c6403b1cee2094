import type { TLRecord } from 'tldraw'
import { readShapes } from '../../../shared/src/board/shapeLike'
import { isCardType } from '../../../shared/src/cards'
import { RECORDS_ROOT } from '../../../shared/src/doc/roots'
import { isDraftedPrivately } from '../../../shared/src/levels/drafting'
import { checkDraftWrite } from '../../../shared/src/rules/draftRule'
import { readSessionValue } from '../../../shared/src/session/sessionState'
import { readZones, zoneOfCard } from '../../../shared/src/summary/zoneMembership'

// Which new records go to their author's private draft instead of the board: a card made in a
// zone the open drafting round covers (the shared rule, isDraftedPrivately). The zone is the one
// the summary and the reveal see (zoneOfCard: where the card's centre lies). A card the draft's
// own rule would refuse (a copy of someone else's card) goes to the board as before drafting.

/**
 * Whether a new record belongs in `personId`'s draft. `readSession` gives the board's `session`
 * map as plain JSON (read only for a card); `shapes` gives the board's shapes (read only when a
 * round is open): most new records are neither.
 */
export function goesToDraft(record: TLRecord, readSession: () => Readonly<Record<string, unknown>>, shapes: () => readonly TLRecord[], personId: string): boolean {
  if (record.typeName !== 'shape' || !isCardType(record.type)) return false
  const session = readSession()
  const round = readSessionValue(session, 'drafting')
  if (round.status !== 'open') return false
  const all = readShapes([record, ...shapes().filter((shape) => shape.id !== record.id)])
  const byId = new Map(all.map((shape) => [shape.id, shape]))
  const zone = zoneOfCard(byId.get(record.id)!, readZones(all), byId)
  if (!isDraftedPrivately(round, readSessionValue(session, 'phase'), zone?.id ?? null)) return false
  const change = new Map([[RECORDS_ROOT, new Map([[record.id, record]])]])
  return checkDraftWrite({ personId, role: 'editor' }, personId, change) === null
}
