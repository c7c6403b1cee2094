import { isObject } from '../board/shapeLike'

// A private drafting round, set by the facilitator in `session.drafting`: while it is open each
// participant's new cards are private to them, and each person says "I'm done" in their own key
// of the `draftDone` root. The facilitator sees how many are done, never what they drafted.

export type DraftingScope = { kind: 'board' } | { kind: 'zone'; zoneId: string } | { kind: 'phase'; phase: number }

export interface DraftingRound {
  status: 'closed' | 'open'
  scope: DraftingScope
  /** Authors hidden on the board after the reveal, until the facilitator shows them. */
  anonymous: boolean
  /** New for each opened round; null before the first. */
  roundId: string | null
}

export const DEFAULT_DRAFTING: DraftingRound = { status: 'closed', scope: { kind: 'board' }, anonymous: false, roundId: null }

export function readDraftingRound(value: unknown): DraftingRound | undefined {
  if (!isObject(value)) return undefined
  const { status, anonymous, roundId } = value
  const scope = readScope(value.scope)
  if ((status !== 'closed' && status !== 'open') || !scope || typeof anonymous !== 'boolean') return undefined
  if (roundId !== null && typeof roundId !== 'string') return undefined
  return { status, scope, anonymous, roundId }
}

function readScope(value: unknown): DraftingScope | undefined {
  if (!isObject(value)) return undefined
  if (value.kind === 'board') return { kind: 'board' }
  if (value.kind === 'zone' && typeof value.zoneId === 'string') return { kind: 'zone', zoneId: value.zoneId }
  if (value.kind === 'phase' && Number.isInteger(value.phase)) return { kind: 'phase', phase: value.phase as number }
  return undefined
}

/** Who pressed "I'm done" this round: `draftDone` holds person id → the round id they finished. */
export function doneCount(done: Readonly<Record<string, unknown>>, round: DraftingRound): number {
  return Object.values(done).filter((value) => value === round.roundId).length
}

// Private cards live in a document of their own per person, never in the board's: the relay
// serves it on the board's websocket with `?draft=1` and the person's token, to that person only,
// and stores it like a board under `draftDocName`. The facilitator's reveal moves every draft's
// cards into the board's zones (placeCardInZone) and empties the drafts, departed people's too.

/** The websocket query parameter that asks for one's own draft document instead of the board's. */
export const DRAFT_PARAM = 'draft'

/** The stored name of a person's draft document on a board. */
export function draftDocName(boardId: string, personId: string): string {
  return `${boardId}~draft~${personId}`
}

/** Whether a new card in `zoneId` (null: on the bare canvas) is drafted privately in this round. */
export function isDraftedPrivately(round: DraftingRound, phase: number, zoneId: string | null): boolean {
  if (round.status !== 'open' || zoneId === null) return false
  if (round.scope.kind === 'zone') return round.scope.zoneId === zoneId
  if (round.scope.kind === 'phase') return round.scope.phase === phase
  return true
}

/** The meta key the reveal marks a card with: the id of the round it was drafted in. */
export const DRAFT_ROUND_META = 'draftRound'

/** The drafting round a revealed card came from, null for a card made on the board. */
export function draftRoundOf(meta: unknown): string | null {
  const value = isObject(meta) ? meta[DRAFT_ROUND_META] : undefined
  return typeof value === 'string' ? value : null
}
