import type { IncomingMessage, ServerResponse } from 'node:http'
import { listTemplates } from '../../../shared/src/templates/index'
import { checkBoardAccess, type AccessCheck } from '../access/boardAccess'
import { deriveBoardSecrets } from '../access/secrets'
import { createBoard, parseNewBoardRequest } from '../boards/newBoard'
import type { BoardStorage } from '../storage/storage'
import { handleAssetDownload, handleAssetUpload } from './assets'
import { importBoardFile, isExportFormat, sendBoardExport } from './exports'
import { HttpError, bearerSecret, readBody, sendJson } from './respond'

export interface ApiContext {
  storage: BoardStorage
  serverKey: Buffer
  maxAssetBytes: number
  tldrawLicenseKey: string | null
  /** Called after a board's shared links were replaced, to drop connections still using the old ones. */
  /** Resolves once every instance has been told to close the old links. */
  onSecretsRotated(boardId: string): Promise<void>
}

const MAX_JSON_BODY_BYTES = 64 * 1024

/** Turns an access check into the board and role, or the HTTP error the API answers. */
export function requireAccess(check: AccessCheck): Extract<AccessCheck, { outcome: 'granted' }> {
  switch (check.outcome) {
    case 'malformed-id':
      throw new HttpError(400, 'malformed board id')
    case 'unknown-board':
      throw new HttpError(404, 'no board with this id')
    case 'no-secret':
      throw new HttpError(401, 'missing secret: send "Authorization: Bearer <secret>"')
    case 'wrong-secret':
      throw new HttpError(403, 'this secret gives no access to this board')
    case 'granted':
      return check
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req, MAX_JSON_BODY_BYTES, 'the JSON body')
  if (body.length === 0) return undefined
  try {
    return JSON.parse(body.toString('utf8'))
  } catch (error) {
    throw new HttpError(400, `invalid JSON: ${(error as Error).message}`)
  }
}

/** Routes `/api/*`; returns false when no route matches. Throws HttpError for client errors. */
export async function handleApi(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  const method = req.method ?? 'GET'
  const query = new URL(req.url ?? '/', 'http://localhost').searchParams
  const access = (boardId: string) => checkBoardAccess(ctx.storage, ctx.serverKey, boardId, bearerSecret(req))

  if (path === '/api/boards' && method === 'POST') {
    const board = await createBoard(ctx.storage, ctx.serverKey, parseNewBoardRequest(await readJson(req)))
    sendJson(res, 201, board)
    return true
  }
  if (path === '/api/boards/import' && method === 'POST') {
    sendJson(res, 201, await importBoardFile(ctx.storage, ctx.serverKey, req))
    return true
  }
  if (path === '/api/templates' && method === 'GET') {
    sendJson(res, 200, listTemplates())
    return true
  }
  if (path === '/api/time' && method === 'GET') {
    // The reference clock for the workshop timer: clients estimate their offset from it.
    sendJson(res, 200, { now: Date.now() })
    return true
  }
  if (path === '/api/config' && method === 'GET') {
    sendJson(res, 200, { tldrawLicenseKey: ctx.tldrawLicenseKey })
    return true
  }
  let match = /^\/api\/boards\/([^/]+)$/.exec(path)
  if (match && method === 'GET') {
    const { board, role } = requireAccess(await access(match[1]))
    sendJson(res, 200, { id: board.id, title: board.title, role })
    return true
  }
  match = /^\/api\/boards\/([^/]+)\/links$/.exec(path)
  if (match && method === 'GET') {
    const { board, role } = requireAccess(await access(match[1]))
    if (role !== 'facilitator') throw new HttpError(403, 'only the facilitator secret can read the links')
    const { editor, viewer } = deriveBoardSecrets(ctx.serverKey, board.id, board.secretGeneration)
    sendJson(res, 200, { editor, viewer })
    return true
  }
  match = /^\/api\/boards\/([^/]+)\/links\/rotate$/.exec(path)
  if (match && method === 'POST') {
    const { board, role } = requireAccess(await access(match[1]))
    if (role !== 'facilitator') throw new HttpError(403, 'only the facilitator secret can replace the links')
    const generation = await ctx.storage.rotateSecrets(board.id)
    await ctx.onSecretsRotated(board.id)
    const { editor, viewer } = deriveBoardSecrets(ctx.serverKey, board.id, generation)
    sendJson(res, 200, { editor, viewer })
    return true
  }
  match = /^\/api\/boards\/([^/]+)\/export\.([a-z]+)$/.exec(path)
  if (match && method === 'GET') {
    const format = match[2]
    if (!isExportFormat(format)) throw new HttpError(404, `no export format .${format} (md, pdf, csv, json)`)
    const { board, role } = requireAccess(await access(match[1]))
    await sendBoardExport(ctx.storage, res, board.id, role, format, query.get('anonymous') === '1')
    return true
  }
  match = /^\/api\/boards\/([^/]+)\/assets$/.exec(path)
  if (match && method === 'POST') {
    const { board, role } = requireAccess(await access(match[1]))
    if (role === 'viewer') throw new HttpError(403, 'a viewer cannot upload images')
    await handleAssetUpload(ctx, req, res, board.id)
    return true
  }
  match = /^\/api\/boards\/([^/]+)\/assets\/([^/]+)$/.exec(path)
  if (match && method === 'GET') {
    await handleAssetDownload(ctx, res, match[1], match[2])
    return true
  }
  return false
}
