import { IDEA_CARD_TYPE, defaultIdeaCardProps } from '../../../shared/src/cards'
import { tavoloShapeSchemas } from '../../../shared/src/schema'
import { IDEA_CARD } from './cardDefinitions'
import { CardShapeUtil } from './CardShapeUtil'

export class IdeaCardShapeUtil extends CardShapeUtil<typeof IDEA_CARD_TYPE> {
  static override type = IDEA_CARD_TYPE
  static override props = tavoloShapeSchemas[IDEA_CARD_TYPE].props
  static override migrations = tavoloShapeSchemas[IDEA_CARD_TYPE].migrations
  readonly definition = IDEA_CARD

  override getDefaultProps() {
    return defaultIdeaCardProps()
  }
}
