import { useMemo } from 'react'
import { useValue } from 'tldraw'
import { ranking, type RankedCard } from '../../../shared/src/session/votes'
import type { Facilitation } from './FacilitationContext'
import { votableCardIds } from './votableCards'

/** The vote ranking of the cards open to the current round, most dots first. */
export function useRanking(facilitation: Facilitation): RankedCard[] {
  const { editor, session, votes } = facilitation
  const round = session.voting
  const ids = useValue('votable cards', () => (editor ? votableCardIds(editor, round) : []), [editor, round])
  return useMemo(() => ranking(votes, ids), [votes, ids])
}
