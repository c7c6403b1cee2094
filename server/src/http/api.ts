import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Result } from '@tldraw/utils'
import { listTemplates } from '../../../shared/src/templates/index'
import { languageFromQuery } from '../../../shared/src/wire/language'
import { checkBoardAccess, type AccessCheck } from '../access/boardAccess'
import { joinBoard, parseJoinBoardRequest } from '../access/joinBoard'
import { deriveBoardSecrets } from '../access/secrets'
import { createBoard, parseNewBoardRequest } from '../boards/newBoard'
import { ExclusiveBusy, StorageUnreadable, type BoardStorage } from '../storage/storage'
import type { RevealedDrafts } from '../../../shared/src/wire/api'
import { MAX_JSON_BODY_BYTES } from '../../../shared/src/wire/limits'
import { handleAssetDownload, handleAssetUpload } from './assets'
import { anonymousFromQuery, isExportFormat, sendBoardExport } from './exportBoard'
import { importBoardFile } from './importBoard'
import type { AddressRateLimit } from './rateLimit'
import { HttpError, bearerSecret, readBody, requestMediaType, sendJson } from './respond'

export interface ApiContext {
  storage: BoardStorage
  serverKey: Buffer
  maxAssetBytes: number
  maxBoardAssetBytes: number
  /** Board creations and imports per client address. */
  boardCreations: AddressRateLimit
  /** People joining boards per client address. */
  joins: AddressRateLimit
  tldrawLicenseKey: string | null
  /**
   * Called after a board's shared links were replaced, to drop connections still using the old
   * ones; resolves once every instance has been told to close them.
   */
  onSecretsRotated(boardId: string): Promise<void>
  /** Moves every draft's cards onto the board (boards/revealDrafts.ts). */
  revealDrafts(boardId: string): Promise<RevealedDrafts>
}

/** Turns an access check into the board and role, or the HTTP error the API answers. */
export function requireAccess(check: AccessCheck): Extract<AccessCheck, { outcome: 'granted' }> {
  switch (check.outcome) {
    case 'malformed-id':
      throw new HttpError(400, 'malformed board id')
    case 'unknown-board':
      throw new HttpError(404, 'no board with this id', { code: 'board-not-found' })
    case 'no-secret':
      throw new HttpError(401, 'missing secret: send "Authorization: Bearer <secret>"')
    case 'wrong-secret':
      throw new HttpError(403, 'this secret gives no access to this board', { code: 'secret-invalid' })
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
    throw new HttpError(400, `invalid JSON: ${(error as Error).message}`, { code: 'malformed-json' })
  }
}

const ASSET_UPLOAD_PATH = /^\/api\/boards\/[^/]+\/assets$/

/**
 * Every POST but an image upload declares a JSON body, even an empty one: a page on another site
 * can send text/plain or form POSTs without asking, but not application/json.
 */
function requireJsonPost(req: IncomingMessage, method: string, path: string): void {
  if (method !== 'POST' || ASSET_UPLOAD_PATH.test(path)) return
  const type = requestMediaType(req)
  if (type !== 'application/json') throw new HttpError(415, `Content-Type must be application/json; got "${type}"`)
}

/** A query parameter as read (`languageFromQuery`, `anonymousFromQuery`), or 400 with what is wrong. */
function queryValue<V>(read: Result<V, string>): V {
  if (!read.ok) throw new HttpError(400, read.error)
  return read.value
}

/** Counts one request against a per-address limit; a 429 with Retry-After beyond it. */
function takeRate(limit: AddressRateLimit, req: IncomingMessage, what: string): void {
  const decision = limit.take(req.socket.remoteAddress ?? '')
  if (!decision.allowed) {
    throw new HttpError(429, `too many ${what} from this address: try again in ${decision.retryAfterSeconds} s`, {
      params: { seconds: decision.retryAfterSeconds },
      headers: { 'Retry-After': String(decision.retryAfterSeconds) },
    })
  }
}

/** Routes `/api/*`; returns false when no route matches. Throws HttpError for client errors. */
export async function handleApi(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  const method = req.method ?? 'GET'
  const query = new URL(req.url ?? '/', 'http://localhost').searchParams
  const access = (boardId: string) => checkBoardAccess(ctx.storage, ctx.serverKey, boardId, bearerSecret(req))
  requireJsonPost(req, method, path)

  if (path === '/api/boards' && method === 'POST') {
    takeRate(ctx.boardCreations, req, 'new boards')
    const request = parseNewBoardRequest(await readJson(req))
    if (!request.ok) throw new HttpError(400, request.error)
    sendJson(res, 201, await createBoard(ctx.storage, ctx.serverKey, request.value))
    return true
  }
  if (path === '/api/boards/import' && method === 'POST') {
    takeRate(ctx.boardCreations, req, 'new boards')
    sendJson(res, 201, await importBoardFile(ctx.storage, ctx.serverKey, req))
    return true
  }
  if (path === '/api/templates' && method === 'GET') {
    sendJson(res, 200, listTemplates(queryValue(languageFromQuery(query))))
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
  match = /^\/api\/boards\/([^/]+)\/people$/.exec(path)
  if (match && method === 'POST') {
    const { board, role } = requireAccess(await access(match[1]))
    const request = parseJoinBoardRequest(await readJson(req), role)
    if (!request.ok) throw new HttpError(400, request.error)
    takeRate(ctx.joins, req, 'people joining')
    sendJson(res, 201, await joinBoard(ctx.storage, ctx.serverKey, board, role, request.value))
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
  match = /^\/api\/boards\/([^/]+)\/drafting\/reveal$/.exec(path)
  if (match && method === 'POST') {
    const { board, role } = requireAccess(await access(match[1]))
    if (role !== 'facilitator') throw new HttpError(403, 'only the facilitator can reveal the drafts')
    try {
      sendJson(res, 200, await ctx.revealDrafts(board.id))
    } catch (error) {
      // Nothing was revealed in either case: the facilitator may try again.
      if (error instanceof ExclusiveBusy) throw new HttpError(409, error.message, { code: 'reveal-busy' })
      if (error instanceof StorageUnreadable) throw new HttpError(503, error.message)
      throw error
    }
    return true
  }
  match = /^\/api\/boards\/([^/]+)\/export\.([a-z]+)$/.exec(path)
  if (match && method === 'GET') {
    const format = match[2]
    if (!isExportFormat(format)) throw new HttpError(404, `no export format .${format} (md, pdf, csv, json)`)
    const { board, role } = requireAccess(await access(match[1]))
    const anonymous = queryValue(anonymousFromQuery(query))
    await sendBoardExport(ctx.storage, res, board.id, role, format, anonymous, queryValue(languageFromQuery(query)))
    return true
  }
  match = /^\/api\/boards\/([^/]+)\/assets$/.exec(path)
  if (match && method === 'POST') {
    const { board, role } = requireAccess(await access(match[1]))
    if (role === 'viewer') throw new HttpError(403, 'a viewer cannot upload images', { code: 'viewer-read-only' })
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
