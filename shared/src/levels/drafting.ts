import { T } from '@tldraw/validate'
import { isObject } from '../board/shapeLike'
import { storedPhase, type PhaseNumber } from '../session/phases'
import { storedId } from '../wire/validation'

// A private drafting round, set by the facilitator in `session.drafting`: while it is open each
// participant's new cards are private to them, and each person says "I'm done" in their own key
// of the `draftDone` root. The facilitator sees how many are done, never what they drafted.

export type DraftingScope = { kind: 'board' } | { kind: 'zone'; zoneId: string } | { kind: 'phase'; phase: PhaseNumber }

export interface DraftingRound {
  status: 'closed' | 'open'
  scope: DraftingScope
  /** Authors hidden on the board after the reveal, until the facilitator shows them. */
  anonymous: boolean
  /** New for each opened round; null before the first. */
  roundId: string | null
}

export const DEFAULT_DRAFTING: DraftingRound = { status: 'closed', scope: { kind: 'board' }, anonymous: false, roundId: null }

const draftingScope: T.Validator<DraftingScope> = T.union('kind', {
  board: T.object({ kind: T.literal('board') }),
  zone: T.object({ kind: T.literal('zone'), zoneId: storedId }),
  phase: T.object({ kind: T.literal('phase'), phase: storedPhase }),
})

/** `session.drafting`: an open round has a round id. */
export const storedDraftingRound: T.Validator<DraftingRound> = T.object({
  status: T.literalEnum('closed', 'open'),
  scope: draftingScope,
  anonymous: T.boolean,
  roundId: storedId.nullable(),
}).check((round) => {
  if (round.status === 'open' && round.roundId === null) throw new T.ValidationError('Expected an open round to have a round id')
})

/** Who pressed "I'm done" this round: `draftDone` holds person id → the round id they finished. */
export function doneCount(done: Readonly<Record<string, unknown>>, round: DraftingRound): number {
  return Object.values(done).filter((value) => value === round.roundId).length
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
