import type { Editor, TLShape } from 'tldraw'
import { isCardType, ZONE_TYPE } from '../../../shared/src/cards'
import { readShapes } from '../../../shared/src/board/shapeLike'
import { zoneOpenForVoting, type VotingRound } from '../../../shared/src/session/votingRound'
import { readZones, zoneOfCard as zoneHolding } from '../../../shared/src/summary/zoneMembership'

/** The zone a card lies in, by the same rule as the summary and the exports, or null. */
export function zoneOfCard(editor: Editor, card: TLShape): string | null {
  const zones = editor.getCurrentPageShapes().filter((shape) => shape.type === ZONE_TYPE)
  // Only what page positions need: the zones, the card, and their ancestors.
  const related = [card, ...zones].flatMap((shape) => [shape, ...editor.getShapeAncestors(shape)])
  const shapes = readShapes(related)
  const byId = new Map(shapes.map((shape) => [shape.id, shape]))
  const own = byId.get(card.id)
  return own ? (zoneHolding(own, readZones(shapes), byId)?.id ?? null) : null
}

/** The ids of the cards on the page that this round lets people vote on, in page order. */
export function votableCardIds(editor: Editor, round: VotingRound): string[] {
  return editor
    .getCurrentPageShapesSorted()
    .filter((shape) => isCardType(shape.type) && zoneOpenForVoting(round, zoneOfCard(editor, shape)))
    .map((shape) => shape.id)
}
