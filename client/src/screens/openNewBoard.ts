import type { CreatedBoard } from '../api'
import { boardPath, navigate } from '../routing'
import { useLocalStore } from '../state/localStore'

/** A board this browser just created or imported: remembered on Home, and opened as its facilitator. */
export function openNewBoard(board: CreatedBoard): void {
  const secret = board.secrets.facilitator
  useLocalStore.getState().rememberWorkshop({ id: board.id, title: board.title, secret, accessRole: 'facilitator' })
  navigate(boardPath(board.id, secret))
}
