import { createContext, useContext, useMemo, type ReactNode } from 'react'

// What the cards on the canvas need from the board beyond their own record and the people map
// (sync/useBoardPeople.ts): who I am, to sign my edits. Provided around <Tldraw>, whose shapes render
// inside it.

export interface BoardCards {
  /** My person id: the key of my entry in `people`, written into the meta of cards I touch. */
  personId: string | null
}

// Outside a board (an image export renders shapes in a tree of its own) nobody is editing.
const NO_BOARD: BoardCards = { personId: null }

const BoardCardsContext = createContext<BoardCards>(NO_BOARD)

export function BoardCardsProvider(props: { personId: string; children: ReactNode }) {
  const value = useMemo(() => ({ personId: props.personId }), [props.personId])
  return <BoardCardsContext.Provider value={value}>{props.children}</BoardCardsContext.Provider>
}

export function useBoardCards(): BoardCards {
  return useContext(BoardCardsContext)
}
