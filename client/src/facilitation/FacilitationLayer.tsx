import type { ReactNode } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import type { PresentPerson } from '../sync/presence'
import { ConnectionRefusedMessage, useConnectionRefusal } from './ConnectionRefusedMessage'
import { FacilitationBar } from './FacilitationBar'
import { RatingPanel } from './RatingPanel'
import { LevelsPanel } from '../levels/LevelsPanel'
import { DraftingBanner } from '../levels/DraftingBanner'

// Everything facilitation adds to a board (children: the canvas and its panels), inside the
// board's FacilitationProvider (the shared state the cards read): the phase/timer/voting strip, the drafting banner while a private round
// is open, the rating panel in phase 4, the levels panel, and the
// full-screen message when the server refuses this connection.

export function FacilitationLayer(props: {
  boardId: string
  secret: string
  provider: WebsocketProvider
  /** The person's private draft's provider, whose refusal is shown like the board's. */
  draftProvider: WebsocketProvider | null
  presentPeople: readonly PresentPerson[]
  /** Drops this device's copy of the board, for a refused change that would be sent again. */
  onStartAfresh(): Promise<void>
  children: ReactNode
}) {
  const boardRefusal = useConnectionRefusal(props.provider)
  const draftRefusal = useConnectionRefusal(props.draftProvider)
  const refusal = boardRefusal ?? draftRefusal
  return (
    <>
      <FacilitationBar boardId={props.boardId} secret={props.secret} presentPeople={props.presentPeople} />
      <DraftingBanner presentPeople={props.presentPeople} />
      {props.children}
      <RatingPanel />
      <LevelsPanel boardId={props.boardId} secret={props.secret} presentPeople={props.presentPeople} />
      {refusal && <ConnectionRefusedMessage refusal={refusal} onStartAfresh={props.onStartAfresh} />}
    </>
  )
}
