import type { IncomingMessage, ServerResponse } from 'node:http'
import { errorCodeForStatus, type ApiErrorBody, type ApiErrorCode, type ApiErrorParams } from '../../../shared/src/wire/errors'

type ErrorOptions = { code?: ApiErrorCode; params?: ApiErrorParams; headers?: Record<string, string> }

/** An error answered to the client as `{ error: message, code, params }` with its status. */
export class HttpError extends Error {
  readonly code: ApiErrorCode
  readonly params: ApiErrorParams | undefined
  /** Extra response headers, such as `Retry-After` on a 429. */
  readonly headers: Record<string, string>

  constructor(
    readonly status: number,
    message: string,
    /** `code` defaults to the status's (errorCodeForStatus). */
    opts: ErrorOptions = {},
  ) {
    super(message)
    this.code = opts.code ?? errorCodeForStatus(status)
    this.params = opts.params
    this.headers = opts.headers ?? {}
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  })
  res.end(text)
}

/** Answers an error as `ApiErrorBody`; `code` defaults to the status's (errorCodeForStatus). */
export function sendError(res: ServerResponse, status: number, message: string, opts: ErrorOptions = {}): void {
  const body: ApiErrorBody = { error: message, code: opts.code ?? errorCodeForStatus(status), ...(opts.params && { params: opts.params }) }
  sendJson(res, status, body, opts.headers)
}

/** The media type of the request body, lower-case without parameters ('' when none is declared). */
export function requestMediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
}

/**
 * Reads a request body of at most `limit` bytes. Past the limit it stops with a 413 and the
 * rest of the body is discarded unread.
 */
export async function readBody(req: IncomingMessage, limit: number, what: string): Promise<Buffer> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) throw new HttpError(413, `${what} is over the ${limit} byte limit`, { params: { limit } })
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) throw new HttpError(413, `${what} is over the ${limit} byte limit`, { params: { limit } })
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/** The secret from an `Authorization: Bearer <secret>` header, or null. */
export function bearerSecret(req: IncomingMessage): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')
  return match ? match[1] : null
}

/** The request path percent-decoded; a 400 for invalid encoding or a NUL byte, which no file or route has. */
export function decodeRequestPath(rawPath: string): string {
  let decoded: string
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    throw new HttpError(400, 'malformed path: invalid percent-encoding')
  }
  if (decoded.includes('\0')) throw new HttpError(400, 'malformed path: it contains a NUL byte')
  return decoded
}
