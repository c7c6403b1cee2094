import type { DraftingRound } from '../../../shared/src/levels/drafting'

// How far the room is with a drafting round, from the `draftDone` root and who is here: everyone
// may see the counts and who said "I'm done", never what anyone drafted.

export interface DraftingProgress {
  /** Who said "I'm done" this round (they may have left since), sorted. */
  doneIds: string[]
  /** Editors here now who have not said it. */
  drafting: number
  /** The editors here now plus those done. */
  total: number
}

export function draftingProgress(done: Readonly<Record<string, unknown>>, round: DraftingRound, editorsHere: readonly string[]): DraftingProgress {
  const doneIds = round.roundId === null ? [] : Object.keys(done).filter((id) => done[id] === round.roundId).sort()
  const here = new Set(editorsHere)
  const drafting = [...here].filter((id) => !doneIds.includes(id)).length
  return { doneIds, drafting, total: new Set([...here, ...doneIds]).size }
}
