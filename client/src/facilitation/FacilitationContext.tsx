import { createContext, useContext, useMemo, type ReactNode } from 'react'
import type { Editor } from 'tldraw'
import type * as Y from 'yjs'
import { RATINGS_ROOT, SESSION_ROOT, VOTES_ROOT } from '../../../shared/src/doc/roots'
import type { SessionKey, SessionState } from '../../../shared/src/session/sessionKeys'
import { readSession, writeSessionValue } from '../../../shared/src/session/sessionState'
import { usePlainMap } from '../sync/usePlainMap'
import { useServerClockOffset } from './serverClock'

// What the facilitation controls share: the live session (phase, timer, voting, locks…), the
// votes and ratings, who I am, and the server clock. Card shapes read it too (vote buttons,
// rank badges), so it is provided around the canvas; outside a board it is null.

export interface Facilitation {
  doc: Y.Doc
  editor: Editor | null
  personId: string
  isFacilitator: boolean
  /** A viewer or the projector: shows state, never writes. */
  readOnly: boolean
  session: SessionState
  /** The `session` map as stored (the summary reads its targets and rules). */
  plainSession: Readonly<Record<string, unknown>>
  votes: Readonly<Record<string, unknown>>
  ratings: Readonly<Record<string, unknown>>
  /** Add to Date.now() to get the server's clock. */
  clockOffsetMs: number
  /** Facilitator only: writes one session value (the server refuses it from anyone else). */
  writeSession<K extends SessionKey>(key: K, value: SessionState[K]): void
}

const FacilitationContext = createContext<Facilitation | null>(null)

export function FacilitationProvider(props: {
  doc: Y.Doc
  editor: Editor | null
  personId: string
  isFacilitator: boolean
  readOnly: boolean
  children: ReactNode
}) {
  const { doc, editor, personId, isFacilitator, readOnly } = props
  const plainSession = usePlainMap(doc, SESSION_ROOT)
  const votes = usePlainMap(doc, VOTES_ROOT)
  const ratings = usePlainMap(doc, RATINGS_ROOT)
  const clockOffsetMs = useServerClockOffset()
  const session = useMemo(() => readSession(plainSession), [plainSession])
  const value = useMemo<Facilitation>(
    () => ({
      doc,
      editor,
      personId,
      isFacilitator,
      readOnly,
      session,
      plainSession,
      votes,
      ratings,
      clockOffsetMs,
      writeSession: (key, next) => {
        if (!isFacilitator) throw new Error('Only the facilitator changes the workshop session')
        writeSessionValue(doc.getMap(SESSION_ROOT), key, next)
      },
    }),
    [doc, editor, personId, isFacilitator, readOnly, session, plainSession, votes, ratings, clockOffsetMs],
  )
  return <FacilitationContext.Provider value={value}>{props.children}</FacilitationContext.Provider>
}

/** The board's facilitation state, or null outside a board (an image export, for instance). */
export function useFacilitation(): Facilitation | null {
  return useContext(FacilitationContext)
}

/** The same, for components that only ever render on a board. */
export function useBoardFacilitation(): Facilitation {
  const value = useContext(FacilitationContext)
  if (!value) throw new Error('useBoardFacilitation needs a FacilitationProvider around it')
  return value
}
