// The exporters the client, the server and scripts call. All read `readBoardDoc(doc)`'s plain board.

export { BOARD_FILE_KIND, BOARD_FILE_MAX_BYTES, type BoardFile, type BoardFileParse } from './boardFile/format'
export { parseBoardFile } from './boardFile/parser'
export { boardFileToDoc, serializeBoardFile, toBoardFile } from './boardFile/writer'
export { BOARD_FILE_VERSION } from './boardFile/upgrades'
export { CARDS_CSV_COLUMNS, cardsCsv } from './cardsCsv'
export { CSV_BOM, csvField, csvRow } from './csv'
export { outlineMarkdown, programmeMarkdown } from './programmeMarkdown'
export { programmeOutline, type ProgrammeOptions } from './programmeOutline'
export type { Outline, OutlineBlock, OutlineColumn } from './outline'
export type { BoardDocContent } from '../doc/readBoardDoc'
export { EXPORT_FORMATS, EXPORT_ROLES, exportFileName, fileNameSlug, type ExportFormat } from './exportFormats'
