import { useCallback, useEffect, useState } from 'react'
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
/** How long the palette says why a dropped card was not added. */
const NOTICE_MS = 5000

// Adds cards: a click puts one in the current zone (or the middle of the screen) and opens it
// for typing, so no step needs dragging; dragging a button onto the board drops one there.

export function CardPalette({ editor }: { editor: Editor }) {
  const { personId } = useBoardCards()
  const readOnly = useValue('read-only', () => editor.getIsReadonly(), [editor])
  if (readOnly || !personId) return null
  return <PaletteButtons editor={editor} personId={personId} />
}

function PaletteButtons({ editor, personId }: { editor: Editor; personId: string }) {
  const { t } = useTranslation()
  const [lockedNotice, setLockedNotice] = useState(0)
  useCardDrop(editor, personId, useCallback(() => setLockedNotice((n) => n + 1), []))
  useEffect(() => {
    if (lockedNotice === 0) return
    const timer = setTimeout(() => setLockedNotice(0), NOTICE_MS)
    return () => clearTimeout(timer)
  }, [lockedNotice])
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
      <span className="tavolo-palette-notice" role="status" aria-live="polite" data-testid="palette-notice">
        {lockedNotice > 0 ? t('palette.zoneLocked') : ''}
      </span>
    </nav>
  )
}
