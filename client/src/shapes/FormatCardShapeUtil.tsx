import { FORMAT_CARD_TYPE, defaultFormatCardProps } from '../../../shared/src/cards'
import { tavoloShapeSchemas } from '../../../shared/src/schema'
import { FORMAT_CARD } from './cardDefinitions'
import { CardShapeUtil } from './CardShapeUtil'

export class FormatCardShapeUtil extends CardShapeUtil<typeof FORMAT_CARD_TYPE> {
  static override type = FORMAT_CARD_TYPE
  static override props = tavoloShapeSchemas[FORMAT_CARD_TYPE].props
  static override migrations = tavoloShapeSchemas[FORMAT_CARD_TYPE].migrations
  readonly definition = FORMAT_CARD

  override getDefaultProps() {
    return defaultFormatCardProps()
  }
}
