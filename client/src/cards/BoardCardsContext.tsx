import { createContext, useContext, useMemo, type ReactNode } from 'react'
import type * as Y from 'yjs'
import type { PersonEntry } from '../../../shared/src/doc/readBoardDoc'
import { usePeople } from './usePeople'

// What the cards on the canvas need from the board beyond their own record: who I am (to sign my
// edits) and who everyone is (to show each card's creator). Provided around <Tldraw>, whose
// shapes render inside it.

export interface BoardCards {
  /** My person id: the key of my entry in `people`, written into the meta of cards I touch. */
  personId: string | null
  people: Readonly<Record<string, PersonEntry>>
}

// Outside a board (an image export renders shapes in a tree of its own) nobody is editing and
// creators show as unknown, rather than failing the render.
const NO_BOARD: BoardCards = { personId: null, people: {} }

const BoardCardsContext = createContext<BoardCards>(NO_BOARD)

export function BoardCardsProvider(props: { doc: Y.Doc | null; personId: string; children: ReactNode }) {
  const people = usePeople(props.doc)
  const value = useMemo(() => ({ personId: props.personId, people }), [props.personId, people])
  return <BoardCardsContext.Provider value={value}>{props.children}</BoardCardsContext.Provider>
}

export function useBoardCards(): BoardCards {
  return useContext(BoardCardsContext)
}
