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
