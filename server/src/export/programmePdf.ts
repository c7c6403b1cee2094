import type { BoardDocContent } from '../../../shared/src/doc/readBoardDoc'
import { programmeOutline, type ProgrammeOptions } from '../../../shared/src/export/programmeOutline'
import { outlinePdf } from './outlinePdf'

/** The programme document as a PDF: the same outline the Markdown export renders. */
export function programmePdf(board: BoardDocContent, opts: ProgrammeOptions): Promise<Buffer> {
  return outlinePdf(programmeOutline(board, opts))
}
