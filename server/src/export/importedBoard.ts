import * as Y from 'yjs'
import type { BoardFileRefusal } from '../../../shared/src/export/boardFile/format'
import { parseBoardFile } from '../../../shared/src/export/boardFile/parser'
import { boardFileToDoc } from '../../../shared/src/export/boardFile/writer'

// A board file turned into the stored state of a new board: the caller gives it a new id and
// new secrets and stores `snapshot` as that board's first state. Nothing of the board the file
// came from (its id, its secrets) is in the file, so an import can never reach the original.

export type ImportedBoard =
  | { ok: true; title: string; template: string | null; snapshot: Uint8Array }
  | BoardFileRefusal

export function importedBoard(text: string, opts: { maxBytes: number }): ImportedBoard {
  const parsed = parseBoardFile(text, opts)
  if (!parsed.ok) return parsed
  const doc = new Y.Doc()
  try {
    boardFileToDoc(parsed.file, doc)
    return { ok: true, title: parsed.file.title, template: parsed.file.template, snapshot: Y.encodeStateAsUpdate(doc) }
  } finally {
    doc.destroy()
  }
}
