import { useTranslation } from 'react-i18next'
import { useValue, type Editor } from 'tldraw'
import { CARD_TYPES, type CardType } from '../../../shared/src/cards'
import { cardTypeName } from '../i18n/cardText'
import { addCard, cardSize } from './addCard'
import { useBoardCards } from './BoardCardsContext'
import { placementForNewCard } from './cardPlacement'
import { CARD_DRAG_TYPE, useCardDrop } from './useCardDrop'
import './palette.css'

/** The palette's element id: the board's skip link points at it. */
export const PALETTE_ID = 'tavolo-palette'

// Adds cards: a click puts one in the current zone (or the middle of the screen) and opens it
// for typing, so no step needs dragging; dragging a button onto the board drops one there.

export function CardPalette({ editor }: { editor: Editor }) {
  const { personId } = useBoardCards()
  const readOnly = useValue('read-only', () => editor.getIsReadonly(), [editor])
  if (readOnly || !personId) return null
  return <PaletteButtons editor={editor} personId={personId} />
}

function PaletteButtons({ editor, personId }: { editor: Editor; personId: string }) {
  useCardDrop(editor, personId)
  const { t } = useTranslation()
  const add = (type: CardType) => addCard(editor, type, placementForNewCard(editor, type, cardSize(editor, type)), personId)
  return (
    <nav className="tavolo-palette" id={PALETTE_ID} aria-label={t('palette.label')} data-testid="card-palette">
      <span className="tavolo-palette-title" aria-hidden="true">
        {t('palette.title')}
      </span>
      {CARD_TYPES.map((type) => (
        <button
          key={type}
          type="button"
          className={`tavolo-palette-button tavolo-palette-${type.replace('tavolo-', '')}`}
          aria-label={t(`palette.add_${type}`)}
          title={t('palette.hint')}
          draggable
          onDragStart={(e) => {
            e.dataTransfer.setData(CARD_DRAG_TYPE, type)
            e.dataTransfer.effectAllowed = 'copy'
          }}
          onClick={() => add(type)}
        >
          {cardTypeName(t, type)}
        </button>
      ))}
    </nav>
  )
}
