import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { ROTATED_ROLES } from './access/secrets'
import { loadOrCreateServerKey } from './access/serverKey'
import type { TavoloConfig } from './config'
import { handleApi, type ApiContext } from './http/api'
import { HttpError, sendError, sendJson } from './http/respond'
import { serveClient } from './http/static'
import { createConsoleLogger, pathOnly, type Logger } from './log'
import { CLIENT_DIST_DIR } from './paths'
import { CLOSE_GOING_AWAY, CLOSE_SECRET_ROTATED } from './relay/protocol'
import { RoomRegistry } from './relay/rooms'
import { Relay } from './relay/upgrade'
import { localFanout, type DisconnectCommand, type Fanout } from './fanout/fanout'
import { openRedisFanout } from './fanout/redisFanout'
import { openStorage } from './storage/openStorage'
import type { BoardStorage } from './storage/storage'

export interface TavoloServerStats {
  loadedRooms: number
  connections: number
}

export interface TavoloServer {
  port: number
  /** http://host:port, with 127.0.0.1 when listening on every interface. */
  url: string
  stats(): TavoloServerStats
  /** Closes every connection (1001), stores every board, closes storage. */
  close(): Promise<void>
}

export interface TavoloServerParts {
  logger?: Logger
  storage?: BoardStorage
  clientDir?: string
}

/** Assembles the HTTP server, the API, the static client and the relay from a config. */
export async function createTavoloServer(config: TavoloConfig, parts: TavoloServerParts = {}): Promise<TavoloServer> {
  const logger = parts.logger ?? createConsoleLogger()
  const storage = parts.storage ?? (await openStorage(config, logger))
  const clientDir = parts.clientDir ?? CLIENT_DIST_DIR
  const serverKey = loadOrCreateServerKey(config.dataDir)
  // The relay exists once the fan-out does; commands from other instances wait for neither.
  const disconnect = (command: DisconnectCommand) => relay.disconnectRoles(command.boardId, command.roles, command.code, command.reason)
  let fanout: Fanout
  try {
    fanout = config.redisUrl ? await openRedisFanout(config.redisUrl, disconnect, logger) : localFanout(disconnect)
  } catch (error) {
    await storage.close()
    throw error
  }
  const registry = new RoomRegistry(storage, {
    compactAfterUpdates: config.compactAfterUpdates,
    presenceIntervalMs: config.presenceIntervalMs,
    logger,
    fanout,
  })
  const relay = new Relay(storage, serverKey, registry, { ...config, logger })
  const api: ApiContext = {
    storage,
    serverKey,
    maxAssetBytes: config.maxAssetBytes,
    tldrawLicenseKey: config.tldrawLicenseKey,
    onSecretsRotated: (boardId) =>
      fanout.disconnect({
        boardId,
        roles: [...ROTATED_ROLES],
        code: CLOSE_SECRET_ROTATED,
        reason: 'the facilitator replaced this link: ask for the new one',
      }),
  }
  const stats = (): TavoloServerStats => ({ loadedRooms: registry.loadedCount, connections: relay.connectionCount })

  const server = http.createServer((req, res) => {
    const path = pathOnly(req.url)
    handleRequest(req, res, path).catch((error) => {
      if (error instanceof HttpError) {
        // The rest of a refused body is not read, so this connection cannot be reused.
        res.setHeader('Connection', 'close')
        return sendError(res, error.status, error.message)
      }
      logger.error(`${req.method} ${path}: ${(error as Error).stack ?? error}`)
      if (!res.headersSent) sendError(res, 500, 'internal server error')
      else res.destroy()
    })
  })

  async function handleRequest(req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<void> {
    if (path === '/healthz') {
      try {
        await storage.check()
        return sendJson(res, 200, { ok: true, ...stats() })
      } catch (error) {
        logger.error(`health check failed: ${(error as Error).message}`)
        return sendJson(res, 503, { ok: false, error: 'storage is not available' })
      }
    }
    if (path.startsWith('/api/')) {
      if (!(await handleApi(api, req, res, path))) sendError(res, 404, `no API route ${req.method} ${path}`)
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'method not allowed')
    serveClient(clientDir, res, path, req.method === 'HEAD')
  }

  server.on('upgrade', (req, socket, head) => {
    relay.handleUpgrade(req, socket, head).catch((error) => {
      logger.error(`upgrade ${pathOnly(req.url)}: ${(error as Error).message}`)
      socket.destroy()
    })
  })
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    else socket.destroy()
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host

  let closing: Promise<void> | null = null
  return {
    port,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    stats,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
        server.closeIdleConnections()
        await relay.close(CLOSE_GOING_AWAY, 'the server is shutting down')
        await registry.whenUnloaded()
        server.closeAllConnections()
        await stopped
        await fanout.close()
        await storage.close()
      })()
      return closing
    },
  }
}
