import type { ReactNode } from 'react'
import type { Editor } from 'tldraw'
import type * as Y from 'yjs'
import { SummaryPanel } from '../summary/SummaryPanel'
import { BoardCardsProvider } from './BoardCardsContext'
import { CardPalette } from './CardPalette'
import { useZonesFitTheirCards } from './useZonesFitTheirCards'
import './boardWithCards.css'

// The board's canvas (children) with what the cards add around it: the context the card shapes
// read, the card palette over the canvas and the live summary panel beside it.

export function BoardWithCards(props: {
  doc: Y.Doc | null
  personId: string
  editor: Editor | null
  isFacilitator: boolean
  children: ReactNode
}) {
  const { doc, editor } = props
  useZonesFitTheirCards(editor)
  return (
    <BoardCardsProvider doc={doc} personId={props.personId}>
      <div className="tavolo-board-body">
        <div className="tavolo-board-main">
          {props.children}
          {editor && <CardPalette editor={editor} />}
        </div>
        {editor && doc && <SummaryPanel editor={editor} doc={doc} isFacilitator={props.isFacilitator} />}
      </div>
    </BoardCardsProvider>
  )
}
