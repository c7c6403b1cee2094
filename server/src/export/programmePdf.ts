import type { PlainBoard } from '../../../shared/src/export/plainBoard'
import { programmeOutline, type ProgrammeOptions } from '../../../shared/src/export/programmeOutline'
import { outlinePdf } from './outlinePdf'

/** The programme document as a PDF: the same outline the Markdown export renders. */
export function programmePdf(board: PlainBoard, opts: ProgrammeOptions): Promise<Buffer> {
  return outlinePdf(programmeOutline(board, opts))
}
