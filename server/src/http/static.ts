import fs from 'node:fs'
import path from 'node:path'
import type { ServerResponse } from 'node:http'
import { sendError } from './respond'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
}

/**
 * Serves the built client from `root` (`decoded`: the request path, percent-decoded and checked
 * by `decodeRequestPath`). Paths without a file extension (`/`, `/b/<id>`, …) are the app's own
 * routes and get index.html.
 */
export function serveClient(root: string, res: ServerResponse, decoded: string, headOnly: boolean): void {
  const isAppRoute = path.extname(decoded) === ''
  const file = isAppRoute ? path.join(root, 'index.html') : path.join(root, path.normalize(decoded))
  if (!file.startsWith(root + path.sep)) return sendError(res, 404, 'not found')
  fs.stat(file, (error, stats) => {
    if (error || !stats.isFile()) {
      return sendError(res, 404, isAppRoute ? 'the client is not built (run npm start or npx vite build)' : 'not found')
    }
    // Vite puts content hashes in the names under /assets/; index.html must always be fresh.
    const cache = decoded.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': stats.size,
      'Cache-Control': cache,
    })
    if (headOnly) return res.end()
    fs.createReadStream(file).pipe(res)
  })
}
