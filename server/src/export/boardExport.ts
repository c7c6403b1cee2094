import { serializeBoardFile, toBoardFile } from '../../../shared/src/export/boardFile/writer'
import { cardsCsv } from '../../../shared/src/export/cardsCsv'
import { EXPORT_FORMATS, exportFileName, type ExportFormat } from '../../../shared/src/export/exportFormats'
import type { BoardDocContent } from '../../../shared/src/doc/readBoardDoc'
import { programmeMarkdown } from '../../../shared/src/export/programmeMarkdown'
import type { ProgrammeOptions } from '../../../shared/src/export/programmeOutline'
import { META_KEYS } from '../../../shared/src/doc/roots'
import { programmePdf } from './programmePdf'

// One export of a board as the HTTP API serves it: the bytes, their type and a file name to
// save them under. The Markdown, CSV and board file come from the same shared functions the
// client calls, so a download from the menu and one from the API are the same file.

export interface BoardExport {
  body: Buffer
  contentType: string
  /** ASCII only: safe as it is in `Content-Disposition: attachment; filename="…"`. */
  fileName: string
}

/** The date printed, whether to leave names out, and the language of the programme's words. */
export type ExportOptions = ProgrammeOptions

export async function boardExport(
  board: BoardDocContent,
  format: ExportFormat,
  opts: ExportOptions,
): Promise<BoardExport> {
  const title = typeof board.meta[META_KEYS.title] === 'string' ? (board.meta[META_KEYS.title] as string) : ''
  return {
    body: await exportBody(board, format, opts),
    contentType: EXPORT_FORMATS[format].contentType,
    fileName: exportFileName(title, format),
  }
}

async function exportBody(board: BoardDocContent, format: ExportFormat, opts: ExportOptions): Promise<Buffer> {
  switch (format) {
    case 'md':
      return Buffer.from(programmeMarkdown(board, opts), 'utf8')
    case 'pdf':
      return programmePdf(board, opts)
    case 'csv':
      return Buffer.from(cardsCsv(board, { anonymous: opts.anonymous }), 'utf8')
    case 'json':
      return Buffer.from(serializeBoardFile(toBoardFile(board, { exportedAt: opts.date })), 'utf8')
  }
}
