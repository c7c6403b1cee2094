import type { IncomingMessage, ServerResponse } from 'node:http'

/** An error answered to the client as `{ "error": message }` with its status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  })
  res.end(text)
}

export function sendError(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { error: message })
}

/**
 * Reads a request body of at most `limit` bytes. Past the limit it stops with a 413 and the
 * rest of the body is discarded unread.
 */
export async function readBody(req: IncomingMessage, limit: number, what: string): Promise<Buffer> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) throw new HttpError(413, `${what} is over the ${limit} byte limit`)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) throw new HttpError(413, `${what} is over the ${limit} byte limit`)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/** The secret from an `Authorization: Bearer <secret>` header, or null. */
export function bearerSecret(req: IncomingMessage): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')
  return match ? match[1] : null
}
