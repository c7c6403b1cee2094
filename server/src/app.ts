import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { CLOSE_SECRET_ROTATED, CLOSE_SERVICE_RESTART } from '../../shared/src/wire/closeCodes'
import type { HealthStatus } from '../../shared/src/wire/api'
import { ROTATED_ROLES } from './access/secrets'
import { loadOrCreateServerKey, serverKeyFingerprint } from './access/serverKey'
import type { TavoloConfig } from './config'
import type { ApiContext } from './http/api'
import { AddressRateLimit } from './http/rateLimit'
import { HttpError, decodeRequestPath, sendError, sendJson } from './http/respond'
import { setSecurityHeaders } from './http/securityHeaders'
import { serveClient } from './http/static'
import { loadOnce } from './lazy'
import { createJsonLogger, pathOnly, type Logger } from './log'
import { loadMetrics, timedStorage } from './metrics'
import { CLIENT_DIST_DIR } from './paths'
import { RoomRegistry } from './relay/rooms'
import { Relay } from './relay/relay'
import { localFanout, type DisconnectCommand, type Fanout } from './fanout/fanout'
import { openStorage } from './storage/openStorage'
import type { BoardStorage } from './storage/storage'

export type TavoloServerStats = Omit<HealthStatus, 'ok'>

export interface TavoloServer {
  port: number
  /** http://host:port, with 127.0.0.1 when listening on every interface. */
  url: string
  stats(): TavoloServerStats
  /**
   * Stops accepting, stores every board, closes every connection with 1012 (clients reconnect,
   * to another instance if there is one), closes storage.
   */
  close(): Promise<void>
}

/** One dependency GET /readyz checks; it throws when the dependency is not reachable. */
export interface ReadinessCheck {
  name: string
  check(): Promise<void>
}

export interface TavoloServerParts {
  logger?: Logger
  storage?: BoardStorage
  clientDir?: string
  /** Checked by GET /readyz besides storage (Redis, when configured). */
  readinessChecks?: ReadinessCheck[]
}

/**
 * The server key and the storage, once a write to each has succeeded: a server that cannot keep
 * what people write must not say it is ready.
 */
async function openWritableData(
  config: TavoloConfig,
  parts: TavoloServerParts,
  logger: Logger,
): Promise<{ storage: BoardStorage; serverKey: Buffer }> {
  let storage: BoardStorage | undefined
  try {
    probeFolderWrite(config.dataDir)
    const serverKey = loadOrCreateServerKey(config.dataDir)
    storage = parts.storage ?? (await openStorage(config, logger))
    await storage.check()
    return { storage, serverKey }
  } catch (error) {
    await storage?.close().catch(() => undefined)
    throw new Error(`the data folder ${config.dataDir} or the database cannot be written (${(error as Error).message})`)
  }
}

function probeFolderWrite(dir: string): void {
  fs.mkdirSync(dir, { recursive: true })
  const probe = path.join(dir, `.write-check-${process.pid}`)
  fs.writeFileSync(probe, '')
  fs.rmSync(probe)
}

/** Assembles the HTTP server, the API, the static client and the relay from a config. */
export async function createTavoloServer(config: TavoloConfig, parts: TavoloServerParts = {}): Promise<TavoloServer> {
  const logger = parts.logger ?? createJsonLogger(config.logLevel)
  const opened = await openWritableData(config, parts, logger)
  const storage = timedStorage(opened.storage)
  const serverKey = opened.serverKey
  let closing: Promise<void> | null = null
  const clientDir = parts.clientDir ?? CLIENT_DIST_DIR
  // The relay exists once the fan-out does; commands from other instances wait for neither.
  const disconnect = (command: DisconnectCommand) => relay.disconnectRoles(command.boardId, command.roles, command.code, command.reason)
  let fanout: Fanout
  try {
    await storage.adoptServerKey(serverKeyFingerprint(serverKey))
    // The Redis fan-out (and ioredis) is loaded only when configured.
    fanout = config.redisUrl
      ? await (await import('./fanout/redisFanout')).openRedisFanout(config.redisUrl, disconnect, logger)
      : localFanout(disconnect)
  } catch (error) {
    await storage.close()
    throw error
  }
  const readinessChecks: ReadinessCheck[] = [
    { name: 'storage', check: () => storage.check() },
    ...(fanout.check ? [{ name: 'redis', check: () => fanout.check!() }] : []),
    ...(parts.readinessChecks ?? []),
  ]
  const registry = new RoomRegistry(storage, {
    compactAfterUpdates: config.compactAfterUpdates,
    presenceIntervalMs: config.presenceIntervalMs,
    logger,
    fanout,
  })
  const relay = new Relay(storage, serverKey, registry, { ...config, logger })
  // The API's handlers and the drafts' reveal pull in the board schema, the templates and the
  // catalogues: they load with the first request that needs them (again at the next, if that load
  // failed), so that a server starts (and relays) without reading them.
  const apiModule = loadOnce(() => import('./http/api'))
  const draftReveals = loadOnce(async () => new (await import('./boards/revealDrafts')).DraftReveals(storage, registry))
  const api: ApiContext = {
    storage,
    serverKey,
    maxAssetBytes: config.maxAssetBytes,
    maxBoardAssetBytes: config.maxBoardAssetBytes,
    boardCreations: new AddressRateLimit(config.boardsPerMinutePerAddress),
    joins: new AddressRateLimit(config.joinsPerMinutePerAddress),
    tldrawLicenseKey: config.tldrawLicenseKey,
    onSecretsRotated: (boardId) =>
      fanout.disconnect({
        boardId,
        roles: [...ROTATED_ROLES],
        code: CLOSE_SECRET_ROTATED,
        reason: 'the facilitator replaced this link: ask for the new one',
      }),
    revealDrafts: async (boardId) => (await draftReveals()).reveal(boardId),
  }
  const stats = (): TavoloServerStats => ({ loadedRooms: registry.loadedCount, connections: relay.connectionCount })

  const server = http.createServer((req, res) => {
    const path = pathOnly(req.url)
    setSecurityHeaders(res)
    handleRequest(req, res, path).catch((error) => {
      if (error instanceof HttpError) {
        // The rest of a refused body is not read, so this connection cannot be reused.
        res.setHeader('Connection', 'close')
        return sendError(res, error.status, error.message, error)
      }
      logger.error(`${req.method} ${path}: ${(error as Error).stack ?? error}`)
      if (!res.headersSent) sendError(res, 500, 'internal server error')
      else res.destroy()
    })
  })

  async function handleRequest(req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<void> {
    const decodedPath = decodeRequestPath(path)
    // Only the API takes other methods; health, metrics and the app are read-only.
    if (!path.startsWith('/api/') && req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'method not allowed')
    if (path === '/healthz') return sendJson(res, 200, { ok: true, ...stats() } satisfies HealthStatus)
    if (path === '/readyz') return sendJson(res, ...(await readiness()))
    if (path === '/metrics') {
      const { boardsOpenGauge, connectionsGauge, metricsRegistry } = await loadMetrics()
      connectionsGauge.set(relay.connectionCount)
      boardsOpenGauge.set(registry.loadedCount)
      res.writeHead(200, { 'Content-Type': metricsRegistry.contentType })
      res.end(await metricsRegistry.metrics())
      return
    }
    if (path.startsWith('/api/')) {
      const { handleApi } = await apiModule()
      if (!(await handleApi(api, req, res, path))) sendError(res, 404, `no API route ${req.method} ${path}`)
      return
    }
    serveClient(clientDir, res, decodedPath, req.method === 'HEAD')
  }

  /** Ready to take connections: not shutting down, and every dependency answers. */
  async function readiness(): Promise<[number, { ready: boolean; failed: string[] }]> {
    if (closing) return [503, { ready: false, failed: ['shutting down'] }]
    const results = await Promise.allSettled(readinessChecks.map((item) => item.check()))
    const failed = readinessChecks.filter((_, i) => results[i].status === 'rejected').map((item) => item.name)
    for (const [i, result] of results.entries()) {
      if (result.status === 'rejected') logger.error(`readiness: ${readinessChecks[i].name} failed: ${(result.reason as Error).message}`)
    }
    return [failed.length ? 503 : 200, { ready: failed.length === 0, failed }]
  }

  // The relay refuses upgrades once close() has begun (503), including those that were waiting on storage.
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

  return {
    port,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    stats,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
        server.closeIdleConnections()
        await relay.close(CLOSE_SERVICE_RESTART, 'the server is restarting: reconnecting')
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
