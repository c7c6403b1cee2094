import { BaseBoxShapeUtil, type TLShape } from 'tldraw'
import type { CardType } from '../../../shared/src/cards'
import { describeCard, type CardDefinition } from './cardDefinitions'
import { CardView } from './CardView'

// What every card shape does the same way; each card type adds its type, props, migrations,
// default props and its definition (the fields it shows and edits).

const CORNER_RADIUS = 8

export abstract class CardShapeUtil<Type extends CardType> extends BaseBoxShapeUtil<TLShape<Type>> {
  abstract readonly definition: CardDefinition

  override canEdit(): boolean {
    return true
  }

  override component(shape: TLShape<Type>) {
    return <CardView shape={shape} definition={this.definition} />
  }

  override getIndicatorPath(shape: TLShape<Type>): Path2D {
    const path = new Path2D()
    path.roundRect(0, 0, shape.props.w, shape.props.h, CORNER_RADIUS)
    return path
  }

  override getText(shape: TLShape<Type>): string {
    return describeCard(this.definition, shape.props)
  }

  override getAriaDescriptor(shape: TLShape<Type>): string {
    return this.getText(shape)
  }
}
