import { EXAM_CARD_TYPE, defaultExamCardProps } from '../../../shared/src/cards'
import { tavoloShapeSchemas } from '../../../shared/src/schema'
import { EXAM_CARD } from './cardDefinitions'
import { CardShapeUtil } from './CardShapeUtil'

export class ExamCardShapeUtil extends CardShapeUtil<typeof EXAM_CARD_TYPE> {
  static override type = EXAM_CARD_TYPE
  static override props = tavoloShapeSchemas[EXAM_CARD_TYPE].props
  static override migrations = tavoloShapeSchemas[EXAM_CARD_TYPE].migrations
  readonly definition = EXAM_CARD

  override getDefaultProps() {
    return defaultExamCardProps()
  }
}
