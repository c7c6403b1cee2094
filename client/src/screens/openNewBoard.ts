import { useState } from 'react'
import { describeError, type CreatedBoard } from '../api'
import { boardPath, navigate } from '../routing'
import { useLocalStore } from '../state/localStore'

/** A board this browser just created or imported: remembered on Home, and opened as its facilitator. */
export function openNewBoard(board: CreatedBoard): void {
  const secret = board.secrets.facilitator
  useLocalStore.getState().rememberWorkshop({ id: board.id, title: board.title, secret, accessRole: 'facilitator' })
  navigate(boardPath(board.id, secret))
}

/** The submit of a form that makes a board ("New workshop", "Import"): busy while asking, then opens it or shows why not. */
export function useNewBoardSubmit() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const submit = async (makeBoard: () => Promise<CreatedBoard>) => {
    setBusy(true)
    setError(null)
    try {
      openNewBoard(await makeBoard())
    } catch (e) {
      setError(describeError(e))
      setBusy(false)
    }
  }
  return { busy, error, setError, submit }
}
