import type { IncomingMessage, ServerResponse } from 'node:http'
import { isWellFormedId, newRandomId } from '../access/ids'
import type { BoardStorage } from '../storage/storage'
import { HttpError, readBody, sendError, sendJson } from './respond'
import { IMAGE_CONTENT_TYPES, bodyMatchesImageType, isImageContentType } from './imageType'

interface AssetContext {
  storage: BoardStorage
  maxAssetBytes: number
}

// An SVG can carry scripts: served as a sandboxed document that can load and run nothing.
const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox"

export const assetUrl = (boardId: string, assetId: string): string => `/api/boards/${boardId}/assets/${assetId}`

/** Stores an uploaded image (access already checked) and answers `201 { url }`. */
export async function handleAssetUpload(ctx: AssetContext, req: IncomingMessage, res: ServerResponse, boardId: string): Promise<void> {
  const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
  if (!isImageContentType(contentType)) {
    throw new HttpError(415, `Content-Type must be one of ${IMAGE_CONTENT_TYPES.join(', ')}; got "${contentType}"`)
  }
  const data = await readBody(req, ctx.maxAssetBytes, 'the image')
  if (!bodyMatchesImageType(data, contentType)) throw new HttpError(415, `the body is not a valid ${contentType} image`)
  const assetId = newRandomId()
  await ctx.storage.putAsset(assetId, { boardId, contentType, data })
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
    'X-Content-Type-Options': 'nosniff',
  }
  if (asset.contentType === 'image/svg+xml') headers['Content-Security-Policy'] = SVG_CSP
  res.writeHead(200, headers)
  res.end(asset.data)
}
