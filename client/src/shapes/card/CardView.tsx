import { useTranslation } from 'react-i18next'
import { HTMLContainer, useIsEditing, type TLShape } from 'tldraw'
import { useBoardCards } from '../../cards/BoardCardsContext'
import { useBoardPeople } from '../../sync/useBoardPeople'
import { CardVotes } from '../../facilitation/CardVotes'
import { useCardDrafting } from '../../levels/draftCards'
import { CardFieldEditor } from './CardFieldEditor'
import { fieldValue, type CardDefinition } from '../../../../shared/src/cards'
import { CreatorBadge } from './CreatorBadge'
import { cardTypeName, cardWords } from '../../i18n/cardText'
import './cards.css'

// The chrome every card shares: a header with its type and creator, then either its fields as
// text or, while it is being edited, the form that edits them.

export function CardView(props: { shape: TLShape; definition: CardDefinition }) {
  const { shape, definition } = props
  const { t } = useTranslation()
  const isEditing = useIsEditing(shape.id)
  const { personId } = useBoardCards()
  const people = useBoardPeople()
  const { isPrivate, authorHidden } = useCardDrafting(shape)
  const { w, h } = shape.props as { w: number; h: number }
  return (
    <HTMLContainer
      className={`tavolo-card tavolo-card-${definition.type.replace('tavolo-', '')}`}
      // While editing, the card grows to show its whole form, over whatever lies below it.
      style={isEditing ? { width: w, height: 'auto', bottom: 'auto', minHeight: h, pointerEvents: 'all' } : { width: w, height: h }}
      data-testid="card"
      data-shape-id={shape.id}
      data-card-type={definition.type}
      data-editing={isEditing || undefined}
      data-private={isPrivate || undefined}
    >
      <div className="tavolo-card-header">
        <span className="tavolo-card-type">{cardTypeName(t, definition.type)}</span>
        {/* A private card is always mine: the label takes the creator's place. */}
        {isPrivate ? (
          <span className="tavolo-card-private" data-testid="card-private">
            {t('card.private')}
          </span>
        ) : (
          !authorHidden && <CreatorBadge meta={shape.meta} people={people} />
        )}
      </div>
      {isEditing ? (
        <CardFieldEditor shape={shape} definition={definition} personId={personId} />
      ) : (
        <CardText shape={shape} definition={definition} />
      )}
      {!isEditing && <CardVotes shapeId={shape.id} />}
    </HTMLContainer>
  )
}

function CardText({ shape, definition }: { shape: TLShape; definition: CardDefinition }) {
  const { t, i18n } = useTranslation()
  const words = cardWords(t, i18n.language, definition.type)
  const shown = definition.fields.map((field) => ({ field, text: words.value(field, fieldValue(shape.props, field)) }))
  const heading = shown.filter((s) => s.field.show === 'heading' && s.text !== '').map((s) => s.text).join(' · ')
  const hasHeadingField = definition.fields.some((f) => f.show === 'heading')
  return (
    <div className="tavolo-card-body">
      {hasHeadingField && (
        <p className={heading ? 'tavolo-card-heading' : 'tavolo-card-heading tavolo-card-empty'}>
          {heading || t('card.untitled', { type: cardTypeName(t, definition.type).toLowerCase() })}
        </p>
      )}
      {shown
        .filter((s) => s.field.show === 'fact' && s.text !== '')
        .map(({ field, text }) => (
          <p key={field.key} className="tavolo-card-fact" data-field={field.key}>
            <span className="tavolo-card-fact-label">{words.label(field)}:</span> {text}
          </p>
        ))}
      {shown
        .filter((s) => s.field.show === 'body')
        .map(({ field, text }) => (
          <p key={field.key} className={text ? 'tavolo-card-text' : 'tavolo-card-text tavolo-card-empty'} data-field={field.key}>
            {text || (definition.fields.length === 1 ? t('card.writeHint') : '')}
          </p>
        ))}
    </div>
  )
}
