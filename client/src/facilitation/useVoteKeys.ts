import { useEffect } from 'react'
import { VOTES_ROOT } from '../../../shared/src/doc/roots'
import { isCardType } from '../../../shared/src/cards'
import { addDot, canRemoveDot, canVote, removeDot } from '../../../shared/src/session/votes'
import { canvasHasFocus } from '../board/canvasFocus'
import { useFacilitation } from './FacilitationContext'
import { zoneOfCard } from '../cards/zoneOnPage'

// Voting without a mouse: while a round is open, + puts one of my dots on the selected card and
// − takes one back, the same rules as the card's buttons. tldraw's own + and − (zoom) keep working
// whenever no card is selected or no round is open.

export function useVoteKeys(): void {
  const facilitation = useFacilitation()
  useEffect(() => {
    const editor = facilitation?.editor
    if (!facilitation || !editor || facilitation.readOnly || facilitation.session.voting.status !== 'open') return
    const { doc, votes, personId, session } = facilitation
    const onKeyDown = (e: KeyboardEvent) => {
      const adding = e.key === '+' || e.key === '='
      if ((!adding && e.key !== '-') || e.ctrlKey || e.metaKey || e.altKey || !canvasHasFocus(editor)) return
      const card = editor.getOnlySelectedShape()
      if (!card || !isCardType(card.type)) return
      e.preventDefault()
      e.stopPropagation()
      const votesMap = doc.getMap(VOTES_ROOT)
      const round = session.voting
      if (adding && canVote({ round, votes, personId, cardZoneId: zoneOfCard(editor, card) }).ok) addDot(votesMap, card.id, personId)
      if (!adding && canRemoveDot({ round, votes, personId, cardId: card.id })) removeDot(votesMap, card.id, personId)
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [facilitation])
}
