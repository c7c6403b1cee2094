import type { ServerResponse } from 'node:http'
import type { Result } from '@tldraw/utils'
import { T } from '@tldraw/validate'
import { readBoardDoc } from '../../../shared/src/doc/readBoardDoc'
import { readSessionValue } from '../../../shared/src/session/sessionState'
import { EXPORT_FORMATS, EXPORT_ROLES, type ExportFormat } from '../../../shared/src/export/exportFormats'
import type { Language } from '../../../shared/src/i18n'
import type { AccessRole } from '../../../shared/src/roles'
import { queryChoice } from '../../../shared/src/wire/validation'
import { loadStoredBoardDoc } from '../boards/storedBoardDoc'
import type { BoardStorage } from '../storage/storage'
import { HttpError } from './respond'

export function isExportFormat(value: string): value is ExportFormat {
  return Object.hasOwn(EXPORT_FORMATS, value)
}

/** The query parameter asking for one file without names (`?anonymous=1`). */
const ANONYMOUS_PARAM = 'anonymous'

const anonymousFlag = T.literalEnum('0', '1').refine((flag) => flag === '1')

/**
 * Whether the query asks for a file without names (`1`; `0` or none leaves it to the board's
 * setting), or what is wrong: a `true` or `yes` read as "no" would leak the names it meant to hide.
 */
export function anonymousFromQuery(query: URLSearchParams): Result<boolean, string> {
  return queryChoice(query, ANONYMOUS_PARAM, anonymousFlag, false, '0 or 1')
}

/** Answers GET /api/boards/:id/export.<format> with the stored board in that format. */
export async function sendBoardExport(
  storage: BoardStorage,
  res: ServerResponse,
  boardId: string,
  role: AccessRole,
  format: ExportFormat,
  anonymous: boolean,
  language: Language,
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
    const file = await boardExport(board, format, { date: new Date(), anonymous: hideNames, language })
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
