import type { IncomingMessage, ServerResponse } from 'node:http'
import { isWellFormedId, newRandomId } from '../access/ids'
import type { BoardStorage } from '../storage/storage'
import { HttpError, readBody, requestMediaType, sendError, sendJson } from './respond'
import { IMAGE_CONTENT_TYPES } from '../../../shared/src/wire/limits'
import { bodyMatchesImageType, isImageContentType } from './imageType'

interface AssetContext {
  storage: BoardStorage
  maxAssetBytes: number
  maxBoardAssetBytes: number
}

// Uploads to one board are stored one after the other, so two at once cannot both pass the
// board's total-size check.
const uploadQueues = new Map<string, Promise<unknown>>()

function oneAtATime<V>(boardId: string, task: () => Promise<V>): Promise<V> {
  const previous = uploadQueues.get(boardId) ?? Promise.resolve()
  const run = previous.then(task, task)
  const settled = run.catch(() => undefined)
  uploadQueues.set(boardId, settled)
  void settled.then(() => {
    if (uploadQueues.get(boardId) === settled) uploadQueues.delete(boardId)
  })
  return run
}

const mebibytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`

// An SVG can carry scripts: served as a sandboxed document that can load and run nothing.
const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox"

export const assetUrl = (boardId: string, assetId: string): string => `/api/boards/${boardId}/assets/${assetId}`

/** Stores an uploaded image (access already checked) and answers `201 { url }`. */
export async function handleAssetUpload(ctx: AssetContext, req: IncomingMessage, res: ServerResponse, boardId: string): Promise<void> {
  const contentType = requestMediaType(req)
  if (!isImageContentType(contentType)) {
    throw new HttpError(415, `Content-Type must be one of ${IMAGE_CONTENT_TYPES.join(', ')}; got "${contentType}"`)
  }
  const data = await readBody(req, ctx.maxAssetBytes, 'the image')
  if (!bodyMatchesImageType(data, contentType)) throw new HttpError(415, `the body is not a valid ${contentType} image`)
  const assetId = newRandomId()
  await oneAtATime(boardId, async () => {
    const used = await ctx.storage.boardAssetBytes(boardId)
    if (used + data.byteLength > ctx.maxBoardAssetBytes) {
      throw new HttpError(
        413,
        `this board's images are full: ${mebibytes(used)} of ${mebibytes(ctx.maxBoardAssetBytes)} used, and this image needs ${mebibytes(data.byteLength)}`,
      )
    }
    await ctx.storage.putAsset(assetId, { boardId, contentType, data })
  })
  sendJson(res, 201, { url: assetUrl(boardId, assetId) })
}

/** Serves a stored image. No secret needed: the asset id is random and unguessable. */
export async function handleAssetDownload(ctx: AssetContext, res: ServerResponse, boardId: string, assetId: string): Promise<void> {
  const asset = isWellFormedId(assetId) ? await ctx.storage.getAsset(assetId) : undefined
  if (!asset || asset.boardId !== boardId) return sendError(res, 404, 'no such image')
  const headers: Record<string, string | number> = {
    'Content-Type': asset.contentType,
    'Content-Length': asset.data.byteLength,
    'Cache-Control': 'private, max-age=31536000, immutable',
  }
  if (asset.contentType === 'image/svg+xml') headers['Content-Security-Policy'] = SVG_CSP
  res.writeHead(200, headers)
  res.end(asset.data)
}
