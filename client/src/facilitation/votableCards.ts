import type { Editor, TLShape } from 'tldraw'
import { isCardType, ZONE_TYPE } from '../../../shared/src/cards'
import { zoneOpenForVoting, type VotingRound } from '../../../shared/src/session/votingRound'

/** The zone a card lies in (its parent), or null when it lies in no zone. */
export function zoneOfCard(editor: Editor, card: TLShape): string | null {
  const parent = editor.getShape(card.parentId as TLShape['id'])
  return parent?.type === ZONE_TYPE ? parent.id : null
}

/** The ids of the cards on the page that this round lets people vote on, in page order. */
export function votableCardIds(editor: Editor, round: VotingRound): string[] {
  return editor
    .getCurrentPageShapesSorted()
    .filter((shape) => isCardType(shape.type) && zoneOpenForVoting(round, zoneOfCard(editor, shape)))
    .map((shape) => shape.id)
}
