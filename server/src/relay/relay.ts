import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import type { AccessRole } from '../../../shared/src/roles'
import { DRAFT_PARAM } from '../../../shared/src/levels/draftDoc'
import { PERSON_TOKEN_PARAM, SECRET_PARAM, WEBSOCKET_PATH } from '../../../shared/src/wire/api'
import { checkBoardAccess } from '../access/boardAccess'
import { checkPersonToken } from '../access/personToken'
import { pathOnly, type Logger } from '../log'
import type { BoardStorage } from '../storage/storage'
import { Connection } from './connection'
import type { Person } from './hooks'
import type { RoomRegistry } from './rooms'
import { connectionRules, type RuleSettings } from './rules'

export interface RelayOptions extends RuleSettings {
  maxSendBufferBytes: number
  maxConnectionsPerBoard: number
  /** Connections over all boards. */
  maxConnections: number
  logger: Logger
}

const WS_PATH = new RegExp(`^${WEBSOCKET_PATH}/([^/]*)$`)
// A dead peer (laptop lid closed, Wi-Fi gone) is noticed within two intervals.
const HEARTBEAT_MS = 30_000

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  503: 'Service Unavailable',
}

const SHUTTING_DOWN = 'the server is shutting down'

function refuseUpgrade(socket: Duplex, status: number, error: string): void {
  const body = JSON.stringify({ error })
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  )
}

/** The relay's door: checks board and secret at the HTTP upgrade, then hands the socket to a Connection. */
export class Relay {
  private readonly wss: WebSocketServer
  private readonly connections = new Set<Connection>()
  /** Slots held: the connections, and the upgrades still being checked (each holds one while it waits on storage). */
  private slots = 0
  /** Slots held per board, its people's draft rooms included. */
  private readonly perBoard = new Map<string, number>()
  private closing = false
  private readonly alive = new WeakSet<object>()
  private readonly heartbeat: NodeJS.Timeout

  constructor(
    private readonly storage: BoardStorage,
    private readonly serverKey: Buffer,
    private readonly registry: RoomRegistry,
    private readonly options: RelayOptions,
  ) {
    // `ws` enforces a hard cap of twice the limit while reading; the connection closes anything
    // over the limit itself, with a reason.
    // Uncompressed: each relayed message is framed once and written to every socket as is (connection.ts).
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes * 2, perMessageDeflate: false })
    this.heartbeat = setInterval(() => this.checkHeartbeats(), HEARTBEAT_MS)
    this.heartbeat.unref()
  }

  get connectionCount(): number {
    return this.connections.size
  }

  async handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    // Without a listener, a reset socket during the checks below would throw.
    socket.on('error', () => undefined)
    const refuse = (status: number, error: string) => {
      this.options.logger.info(`websocket ${pathOnly(request.url)} refused: ${status} ${error}`)
      refuseUpgrade(socket, status, error)
    }
    const url = new URL(request.url ?? '/', 'http://localhost')
    const match = WS_PATH.exec(url.pathname)
    if (!match) return refuse(404, `no websocket endpoint at ${pathOnly(request.url)}`)
    let boardId: string
    try {
      boardId = decodeURIComponent(match[1])
    } catch {
      return refuse(400, 'malformed board id')
    }
    if (this.closing) return refuse(503, SHUTTING_DOWN)
    if (this.slots >= this.options.maxConnections) {
      return refuse(503, `the server already has ${this.options.maxConnections} connections`)
    }
    if ((this.perBoard.get(boardId) ?? 0) >= this.options.maxConnectionsPerBoard) {
      return refuse(503, `this board already has ${this.options.maxConnectionsPerBoard} connections`)
    }
    // The slot is taken before the first await: upgrades checked against storage together would
    // otherwise all pass the limits. A refused or failed upgrade gives it back; a connection, once it ends.
    this.takeSlot(boardId)
    let connected = false
    try {
      const access = await checkBoardAccess(this.storage, this.serverKey, boardId, url.searchParams.get(SECRET_PARAM))
      switch (access.outcome) {
        case 'malformed-id':
          return refuse(400, 'malformed board id')
        case 'unknown-board':
          return refuse(404, 'no board with this id')
        case 'no-secret':
          return refuse(401, `missing secret: connect with ?${SECRET_PARAM}=<secret>`)
        case 'wrong-secret':
          return refuse(401, 'wrong secret for this board')
      }
      // `draft=1` asks for one's own draft document instead of the board's: there is no way to name
      // anyone else's, since its name comes from the person token.
      const draft = url.searchParams.get(DRAFT_PARAM)
      if (draft !== null && draft !== '1') return refuse(400, `?${DRAFT_PARAM}= takes only 1 (your own draft)`)
      // The person token (`p`) says who writes; without one the connection writes only what a link
      // without a person may (rules/writeAccess.ts).
      const token = url.searchParams.get(PERSON_TOKEN_PARAM)
      if (draft !== null && token === null) return refuse(401, `a draft is private: connect with your person token (?${PERSON_TOKEN_PARAM}=)`)
      let writer: Person | null = null
      if (token !== null) {
        const person = await checkPersonToken(this.storage, this.serverKey, access.board, access.role, token)
        if (!person.ok) return refuse(401, person.reason)
        writer = { personId: person.person.id, role: access.role, name: person.person.name }
      }
      const draftOwner = draft !== null && writer ? writer.personId : null
      const docName = draftOwner === null ? boardId : await this.storage.openDraft(boardId, draftOwner)
      // Shutdown may have begun during the awaits, after close() took its list of connections.
      if (this.closing) return refuse(503, SHUTTING_DOWN)
      // `ws` calls back synchronously (no verifyClient), or never when the handshake is malformed.
      this.wss.handleUpgrade(request, socket, head, (ws) => {
        connected = true
        this.alive.add(ws)
        ws.on('pong', () => this.alive.add(ws))
        const rules = connectionRules(this.options, draftOwner)
        const connection = new Connection(ws, socket, boardId, docName, access.role, writer, this.registry, { ...this.options, rules })
        this.connections.add(connection)
        this.options.logger.info(`board ${docName}: ${access.role}${writer ? ` ${writer.personId}` : ''} connected (${this.connections.size} connections)`)
        void connection.finished.then(() => {
          this.connections.delete(connection)
          this.releaseSlot(boardId)
          this.options.logger.info(`board ${docName}: ${access.role} left (${this.connections.size} connections)`)
        })
      })
    } finally {
      if (!connected) this.releaseSlot(boardId)
    }
  }

  private takeSlot(boardId: string): void {
    this.slots++
    this.perBoard.set(boardId, (this.perBoard.get(boardId) ?? 0) + 1)
  }

  private releaseSlot(boardId: string): void {
    this.slots--
    const left = this.perBoard.get(boardId)! - 1
    if (left > 0) this.perBoard.set(boardId, left)
    else this.perBoard.delete(boardId)
  }

  /** Closes a board's connections that hold one of `roles`, with a code and reason they can show. */
  disconnectRoles(boardId: string, roles: readonly AccessRole[], code: number, reason: string): void {
    for (const connection of this.connections) {
      if (connection.boardId === boardId && roles.includes(connection.role)) connection.close(code, reason)
    }
  }

  /** Closes every connection once what it sent is stored; resolves once each has released its room. */
  async close(code: number, reason: string): Promise<void> {
    this.closing = true
    clearInterval(this.heartbeat)
    const all = Array.from(this.connections)
    await Promise.all(all.map((connection) => connection.closeWhenStored(code, reason)))
    await Promise.all(all.map((connection) => connection.finished))
    this.wss.close()
  }

  private checkHeartbeats(): void {
    for (const ws of this.wss.clients) {
      if (!this.alive.has(ws)) {
        ws.terminate()
        continue
      }
      this.alive.delete(ws)
      ws.ping()
    }
  }
}
