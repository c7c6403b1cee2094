import net from 'node:net'
import WebSocket from 'ws'
import { DRAFT_PARAM } from '../../shared/src/levels/draftDoc'

export interface CloseInfo {
  code: number
  reason: string
}

/** A plain `ws` socket on a board, for sending what no well-behaved provider would. */
export function openRawSocket(wsUrl: string, boardId: string, secret: string, token?: string, opts: { draft?: boolean } = {}): Promise<WebSocket> {
  const person = token ? `&p=${encodeURIComponent(token)}` : ''
  const draft = opts.draft ? `&${DRAFT_PARAM}=1` : ''
  const ws = new WebSocket(`${wsUrl}/${boardId}?k=${encodeURIComponent(secret)}${person}${draft}`)
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws))
    ws.once('error', reject)
  })
}

export function waitForClose(ws: WebSocket): Promise<CloseInfo> {
  if (ws.readyState === WebSocket.CLOSED) return Promise.reject(new Error('socket already closed'))
  return new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })))
}

/**
 * The HTTP status the server answers a websocket upgrade with (101 when it accepts); an accepted
 * socket is handed to `opened`, which closes it unless told otherwise.
 */
export function upgradeStatus(url: string, opened: (ws: WebSocket) => void = (ws) => ws.close()): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url)
    ws.once('open', () => {
      opened(ws)
      resolve({ status: 101, body: '' })
    })
    ws.once('unexpected-response', (req, res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString()))
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body })
        req.destroy()
      })
    })
    ws.once('error', (error) => {
      if (ws.readyState !== WebSocket.CLOSED) reject(error)
    })
  })
}

/**
 * Writes `request` as is on a plain TCP socket (for requests no HTTP client would send) and
 * resolves with the answer: its head and a body of Content-Length bytes, or what came before the close.
 */
export function rawHttp(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request))
    let answer = Buffer.alloc(0)
    const complete = () => {
      const headEnd = answer.indexOf('\r\n\r\n')
      const length = headEnd === -1 ? null : /\r\ncontent-length: *(\d+)/i.exec(answer.subarray(0, headEnd).toString('latin1'))
      return length !== null && answer.length >= headEnd + 4 + Number(length[1])
    }
    socket.on('data', (chunk: Buffer) => {
      answer = Buffer.concat([answer, chunk])
      if (complete()) socket.destroy()
    })
    socket.on('close', () => resolve(answer.toString()))
    socket.on('error', reject)
  })
}
