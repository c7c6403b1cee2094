import * as Y from 'yjs'
import { SESSION_ROOT, VOTES_ROOT } from '../doc/roots'
import { writeSessionValue } from './sessionState'
import type { VotingRound } from './votingRound'

/**
 * Opens `round` (from openVotingRound) on the board: clears the previous round's votes and
 * writes the round in one transaction, so no one sees the new round with old dots.
 */
export function startVotingRound(doc: Y.Doc, round: VotingRound): void {
  if (round.status !== 'open') throw new Error('startVotingRound needs an open round (from openVotingRound)')
  doc.transact(() => {
    // The round first: if it is invalid this throws before any vote is deleted.
    writeSessionValue(doc.getMap(SESSION_ROOT), 'voting', round)
    const votes = doc.getMap(VOTES_ROOT)
    for (const key of [...votes.keys()]) votes.delete(key)
  })
}
