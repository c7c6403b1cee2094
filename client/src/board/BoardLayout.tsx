import type { ReactNode } from 'react'
import type { Editor } from 'tldraw'
import type * as Y from 'yjs'
import { BoardCardsProvider } from '../cards/BoardCardsContext'
import { CardPalette } from '../cards/CardPalette'
import { useProvideBoardPeople } from '../sync/useBoardPeople'
import { useProvideHiddenAuthors } from '../levels/draftCards'
import { SummaryPanel } from '../summary/SummaryPanel'
import { useZonesFitTheirCards } from '../cards/useZonesFitTheirCards'
import { useArrivingCardsMakeRoom } from '../cards/useArrivingCardsMakeRoom'
import { useVoteKeys } from '../facilitation/useVoteKeys'
import { useKeyboardNavigation } from './useKeyboardNavigation'
import './boardLayout.css'

// Lays out the board below the top bar: the canvas (children) with the card palette over it and
// the live summary panel beside it, inside the context the card shapes read.

export function BoardLayout(props: {
  doc: Y.Doc | null
  personId: string
  editor: Editor | null
  isFacilitator: boolean
  children: ReactNode
}) {
  const { doc, editor } = props
  useZonesFitTheirCards(editor)
  useArrivingCardsMakeRoom(editor, props.personId, props.isFacilitator)
  useKeyboardNavigation(editor)
  useVoteKeys()
  useProvideBoardPeople(editor, doc)
  useProvideHiddenAuthors(editor, doc)
  return (
    <BoardCardsProvider personId={props.personId}>
      <div className="tavolo-board-body">
        <div className="tavolo-board-main">
          {props.children}
          {editor && <CardPalette editor={editor} />}
        </div>
        {editor && doc && <SummaryPanel editor={editor} doc={doc} isFacilitator={props.isFacilitator} personId={props.personId} />}
      </div>
    </BoardCardsProvider>
  )
}
