import type { IncomingMessage, ServerResponse } from 'node:http'
import { readBoardDoc } from '../../../shared/src/doc/readBoardDoc'
import { readSessionValue } from '../../../shared/src/session/sessionState'
import { BOARD_FILE_MAX_BYTES } from '../../../shared/src/export/boardFile'
import { EXPORT_FORMATS, EXPORT_ROLES, type ExportFormat } from '../../../shared/src/export/exportFormats'
import type { AccessRole } from '../../../shared/src/roles'
import { hasTemplate } from '../../../shared/src/templates/index'
import type { CreatedBoard } from '../../../shared/src/wire/api'
import { DEFAULT_TEMPLATE_ID, MAX_TITLE_LENGTH } from '../../../shared/src/wire/limits'
import { storeNewBoard } from '../boards/newBoard'
import { loadStoredBoardDoc } from '../boards/storedBoardDoc'
import type { BoardStorage } from '../storage/storage'
import { HttpError, readBody } from './respond'

export function isExportFormat(value: string): value is ExportFormat {
  return Object.hasOwn(EXPORT_FORMATS, value)
}

/** Answers GET /api/boards/:id/export.<format> with the stored board in that format. */
export async function sendBoardExport(
  storage: BoardStorage,
  res: ServerResponse,
  boardId: string,
  role: AccessRole,
  format: ExportFormat,
  anonymous: boolean,
): Promise<void> {
  if (!EXPORT_ROLES[format].includes(role)) {
    throw new HttpError(403, `only ${EXPORT_ROLES[format].join(' or ')} secrets can export .${format}`)
  }
  const doc = await loadStoredBoardDoc(storage, boardId)
  try {
    const board = readBoardDoc(doc)
    // The facilitator can make the board anonymous; a script can also ask for one anonymous file.
    const hideNames = anonymous || readSessionValue(board.session, 'anonymous')
    // The exporters (summary, i18n, PDF) load on the first export, not at server start.
    const { boardExport } = await import('../export/boardExport')
    const file = await boardExport(board, format, { date: new Date(), anonymous: hideNames })
    res.writeHead(200, {
      'Content-Type': file.contentType,
      'Content-Length': file.body.length,
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Cache-Control': 'no-store',
    })
    res.end(file.body)
  } finally {
    doc.destroy()
  }
}

/** POST /api/boards/import: a board file becomes a new board with its own id and secrets. */
export async function importBoardFile(storage: BoardStorage, serverKey: Buffer, req: IncomingMessage): Promise<CreatedBoard> {
  const body = await readBody(req, BOARD_FILE_MAX_BYTES, 'the board file')
  const { importedBoard } = await import('../export/importedBoard')
  const imported = importedBoard(body.toString('utf8'), { maxBytes: BOARD_FILE_MAX_BYTES })
  if (!imported.ok) throw new HttpError(400, imported.error)
  const title = imported.title.trim().slice(0, MAX_TITLE_LENGTH) || 'Imported workshop'
  const template = imported.template && hasTemplate(imported.template) ? imported.template : DEFAULT_TEMPLATE_ID
  return storeNewBoard(storage, serverKey, { title, template }, imported.snapshot)
}
