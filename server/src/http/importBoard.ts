import type { IncomingMessage } from 'node:http'
import { BOARD_FILE_MAX_BYTES } from '../../../shared/src/export/boardFile/format'
import { hasTemplate } from '../../../shared/src/templates/index'
import type { CreatedBoard } from '../../../shared/src/wire/api'
import { DEFAULT_TEMPLATE_ID, IMPORTED_BOARD_TITLE, MAX_TITLE_LENGTH } from '../../../shared/src/wire/limits'
import { storeNewBoard } from '../boards/newBoard'
import { importedBoard } from '../export/importedBoard'
import type { BoardStorage } from '../storage/storage'
import { HttpError, readBody } from './respond'

/** POST /api/boards/import: a board file becomes a new board with its own id and secrets. */
export async function importBoardFile(storage: BoardStorage, serverKey: Buffer, req: IncomingMessage): Promise<CreatedBoard> {
  const body = await readBody(req, BOARD_FILE_MAX_BYTES, 'the board file')
  const imported = importedBoard(body.toString('utf8'), { maxBytes: BOARD_FILE_MAX_BYTES })
  if (!imported.ok) throw new HttpError(400, imported.error, imported)
  const title = imported.title.trim().slice(0, MAX_TITLE_LENGTH) || IMPORTED_BOARD_TITLE
  const template = imported.template && hasTemplate(imported.template) ? imported.template : DEFAULT_TEMPLATE_ID
  return storeNewBoard(storage, serverKey, { title, template }, imported.snapshot)
}
