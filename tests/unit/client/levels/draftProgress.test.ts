import { describe, expect, it } from 'vitest'
import type { DraftingRound } from '../../../../shared/src/levels/drafting'
import { draftingProgress } from '../../../../client/src/levels/draftProgress'

const round: DraftingRound = { status: 'open', scope: { kind: 'board' }, anonymous: false, roundId: 'r2' }

describe('draftingProgress', () => {
  it('counts the editors here who are not done, out of those here and those done', () => {
    const progress = draftingProgress({ ann: 'r2', bob: 'r1' }, round, ['ann', 'bob', 'cat', 'cat'])
    expect(progress).toEqual({ doneIds: ['ann'], drafting: 2, total: 3 })
  })

  it('someone who said done and left still counts as done; someone who left without it is no longer waited for', () => {
    expect(draftingProgress({ dan: 'r2' }, round, ['ann'])).toEqual({ doneIds: ['dan'], drafting: 1, total: 2 })
  })

  it('a done from an earlier round does not count', () => {
    expect(draftingProgress({ ann: 'r1' }, round, ['ann'])).toEqual({ doneIds: [], drafting: 1, total: 1 })
  })
})
