import * as Y from 'yjs'
import type { BoardStorage } from '../storage/storage'

/**
 * A board's document as stored. Every edit any peer has seen is stored before it is relayed,
 * so this is the board as everyone sees it, whether or not its room is loaded.
 */
export async function loadStoredBoardDoc(storage: BoardStorage, boardId: string): Promise<Y.Doc> {
  const stored = await storage.loadDocument(boardId)
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
  for (const update of stored.updates) Y.applyUpdate(doc, update)
  return doc
}
