import type { AccessRole } from '../../../shared/src/roles'
import type { BoardRecord, BoardStorage } from '../storage/storage'
import { isWellFormedId } from './ids'
import { resolveRole } from './secrets'

export type AccessCheck =
  | { outcome: 'malformed-id' }
  | { outcome: 'unknown-board' }
  | { outcome: 'no-secret'; board: BoardRecord }
  | { outcome: 'wrong-secret'; board: BoardRecord }
  | { outcome: 'granted'; board: BoardRecord; role: AccessRole }

/** Who may do what on a board: the single place both the API and the relay ask. */
export async function checkBoardAccess(
  storage: BoardStorage,
  serverKey: Buffer,
  boardId: string,
  secret: string | null | undefined,
): Promise<AccessCheck> {
  if (!isWellFormedId(boardId)) return { outcome: 'malformed-id' }
  const board = await storage.getBoard(boardId)
  if (!board) return { outcome: 'unknown-board' }
  if (!secret) return { outcome: 'no-secret', board }
  const role = resolveRole(serverKey, board.id, board.secretGeneration, secret)
  return role ? { outcome: 'granted', board, role } : { outcome: 'wrong-secret', board }
}
