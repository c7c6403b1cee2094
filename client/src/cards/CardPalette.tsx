import { useValue, type Editor } from 'tldraw'
import { CARD_TYPE_LABELS, CARD_TYPES, type CardType } from '../../../shared/src/cards'
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
  const add = (type: CardType) => addCard(editor, type, placementForNewCard(editor, type, cardSize(editor, type)), personId)
  return (
    <nav className="tavolo-palette" id={PALETTE_ID} aria-label="Add cards" data-testid="card-palette">
      <span className="tavolo-palette-title" aria-hidden="true">
        Add
      </span>
      {CARD_TYPES.map((type) => (
        <button
          key={type}
          type="button"
          className={`tavolo-palette-button tavolo-palette-${type.replace('tavolo-', '')}`}
          aria-label={addLabel(type)}
          title="Click to add it in the current zone, or drag it onto the board"
          draggable
          onDragStart={(e) => {
            e.dataTransfer.setData(CARD_DRAG_TYPE, type)
            e.dataTransfer.effectAllowed = 'copy'
          }}
          onClick={() => add(type)}
        >
          {CARD_TYPE_LABELS[type]}
        </button>
      ))}
    </nav>
  )
}

/** "Add a content card", "Add an exam card". */
function addLabel(type: CardType): string {
  const name = CARD_TYPE_LABELS[type].toLowerCase()
  return `Add ${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name} card`
}
