import type { Editor } from 'tldraw'
import { isCardType } from '../../../shared/src/cards'
import { zoneOpenForVoting, type VotingRound } from '../../../shared/src/session/votingRound'
import { zoneOfCard } from '../cards/zoneOnPage'

/** The ids of the cards on the page that this round lets people vote on, in page order. */
export function votableCardIds(editor: Editor, round: VotingRound): string[] {
  return editor
    .getCurrentPageShapesSorted()
    .filter((shape) => isCardType(shape.type) && zoneOpenForVoting(round, zoneOfCard(editor, shape)))
    .map((shape) => shape.id)
}
