import { BaseBoxShapeUtil, type TLShape } from 'tldraw'
import { describeCard, type CardDefinition, type CardType } from '../../../../shared/src/cards'
import { CardView } from './CardView'
import { i18next } from '../../i18n/i18n'
import { cardWords } from '../../i18n/cardText'
import { privateCardIds } from '../../levels/draftCards'

// One ShapeUtil class per card type, made from its definition (shared/src/cards/<type>/): the
// same props, migrations and defaults the server checks, and one view for every card.

const CORNER_RADIUS = 8

export function createCardShapeUtil<Type extends CardType>(definition: CardDefinition<Type>) {
  return class CardShapeUtil extends BaseBoxShapeUtil<TLShape<Type>> {
    static override type = definition.type
    static override props = definition.props
    static override migrations = definition.migrations

    override getDefaultProps() {
      return definition.defaultProps() as TLShape<Type>['props']
    }

    override canEdit(): boolean {
      return true
    }

    override component(shape: TLShape<Type>) {
      return <CardView shape={shape} definition={definition} />
    }

    override getIndicatorPath(shape: TLShape<Type>): Path2D {
      const path = new Path2D()
      path.roundRect(0, 0, shape.props.w, shape.props.h, CORNER_RADIUS)
      return path
    }

    override getText(shape: TLShape<Type>): string {
      return describeCard(definition, shape.props, cardWords(i18next.t, i18next.language, definition.type))
    }

    override getAriaDescriptor(shape: TLShape<Type>): string {
      const text = this.getText(shape)
      return privateCardIds(this.editor.store).get().has(shape.id) ? `${i18next.t('card.privateDescription')} ${text}` : text
    }
  }
}
