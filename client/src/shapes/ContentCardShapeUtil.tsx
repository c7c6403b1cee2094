import { CONTENT_CARD_TYPE, defaultContentCardProps } from '../../../shared/src/cards'
import { tavoloShapeSchemas } from '../../../shared/src/schema'
import { CONTENT_CARD } from './cardDefinitions'
import { CardShapeUtil } from './CardShapeUtil'

export class ContentCardShapeUtil extends CardShapeUtil<typeof CONTENT_CARD_TYPE> {
  static override type = CONTENT_CARD_TYPE
  static override props = tavoloShapeSchemas[CONTENT_CARD_TYPE].props
  static override migrations = tavoloShapeSchemas[CONTENT_CARD_TYPE].migrations
  readonly definition = CONTENT_CARD

  override getDefaultProps() {
    return defaultContentCardProps()
  }
}
