import path from 'node:path'
import { LOG_LEVELS, type LogLevel } from './log'

// Every setting is an environment variable with a default, so `npm start` needs no set-up.
export interface TavoloConfig {
  port: number
  host: string
  dataDir: string
  maxMessageBytes: number
  maxAssetBytes: number
  maxSendBufferBytes: number
  compactAfterUpdates: number
  maxConnectionsPerBoard: number
  maxConnections: number
  maxBoardAssetBytes: number
  boardsPerMinutePerAddress: number
  joinsPerMinutePerAddress: number
  tldrawLicenseKey: string | null
  skipClientBuild: boolean
  logLevel: LogLevel
  /** PostgreSQL connection URL; null: SQLite in dataDir. */
  databaseUrl: string | null
  /** Redis URL for fan-out between instances; null: one instance, no Redis. */
  redisUrl: string | null
}

export interface SettingInfo {
  name: string
  default: string
  meaning: string
}

/** The settings, for the README table and for `--help`-style output. */
export const SETTINGS: readonly SettingInfo[] = [
  { name: 'PORT', default: '8080', meaning: 'TCP port for the app, the API and the relay (0 picks a free port).' },
  { name: 'HOST', default: '0.0.0.0', meaning: 'Interface to listen on; the default lets laptops on the venue network join.' },
  { name: 'DATA_DIR', default: './data', meaning: 'Folder for the SQLite database (tavolo.sqlite) and the server key (server.key).' },
  { name: 'MAX_MESSAGE_BYTES', default: '2097152', meaning: 'Largest websocket message accepted; a bigger one closes that connection with code 1009.' },
  { name: 'MAX_ASSET_BYTES', default: '10485760', meaning: 'Largest image upload accepted by POST /api/boards/:id/assets (413 beyond).' },
  { name: 'MAX_SEND_BUFFER_BYTES', default: '8388608', meaning: 'Bytes the server may queue for one client that does not read; beyond it the client is disconnected (1008).' },
  { name: 'COMPACT_AFTER_UPDATES', default: '500', meaning: "Stored updates after which a board's log is merged into one snapshot (also done on unload)." },
  { name: 'MAX_CONNECTIONS_PER_BOARD', default: '500', meaning: 'Connections one board accepts at once; more are refused at the upgrade with HTTP 503.' },
  { name: 'MAX_CONNECTIONS', default: '5000', meaning: 'Websocket connections the server accepts at once over all boards; more are refused at the upgrade with HTTP 503.' },
  { name: 'MAX_BOARD_ASSET_BYTES', default: '268435456', meaning: "Total bytes of one board's images; an upload beyond it is refused with 413 and a message the board shows." },
  { name: 'BOARDS_PER_MINUTE_PER_ADDRESS', default: '20', meaning: 'Board creations and imports one client address may make per minute; beyond it 429 with Retry-After.' },
  { name: 'JOINS_PER_MINUTE_PER_ADDRESS', default: '600', meaning: 'People one client address may add to boards per minute (POST /api/boards/:id/people); beyond it 429 with Retry-After. A whole venue behind one NAT address stays far below it.' },
  { name: 'TLDRAW_LICENSE_KEY', default: '(none)', meaning: 'tldraw licence key, served to the client at run time (GET /api/config); no rebuild needed.' },
  { name: 'LOG_LEVEL', default: 'info', meaning: `Least severe log level written (JSON lines on stdout): one of ${LOG_LEVELS.join(', ')}.` },
  { name: 'DATABASE_URL', default: '(unset)', meaning: 'postgres://user:password@host:port/database: store boards in PostgreSQL (schema created and migrated at start) instead of SQLite, so several instances can share them.' },
  { name: 'REDIS_URL', default: '(unset)', meaning: 'redis://host:port: relay edits, presence and link rotations between instances through Redis (needs DATABASE_URL).' },
  { name: 'SKIP_CLIENT_BUILD', default: '(unset)', meaning: 'Set to 1 to never build the client at start (tests build it once themselves).' },
]

function readInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`Setting ${name} must be an integer ≥ ${min}, got "${raw}"`)
  }
  return value
}

function readLogLevel(env: NodeJS.ProcessEnv): LogLevel {
  const raw = env.LOG_LEVEL || 'info'
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) throw new Error(`Setting LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`)
  return raw as LogLevel
}

function readUrl(env: NodeJS.ProcessEnv, name: string, protocols: readonly string[]): string | null {
  const raw = env[name]
  if (raw === undefined || raw === '') return null
  let protocol: string
  try {
    protocol = new URL(raw).protocol
  } catch {
    // The value is not echoed: it may hold a password.
    throw new Error(`Setting ${name} is not a URL`)
  }
  if (!protocols.includes(protocol)) throw new Error(`Setting ${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`)
  return raw
}

function readRedisUrl(env: NodeJS.ProcessEnv): string | null {
  const url = readUrl(env, 'REDIS_URL', ['redis:', 'rediss:'])
  // Instances on separate SQLite files would each hold a different board: fan-out needs one shared store.
  if (url && !env.DATABASE_URL) throw new Error('Setting REDIS_URL needs DATABASE_URL: instances must share one PostgreSQL database')
  return url
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): TavoloConfig {
  return {
    port: readInteger(env, 'PORT', 8080, 0),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || './data'),
    maxMessageBytes: readInteger(env, 'MAX_MESSAGE_BYTES', 2 * 1024 * 1024, 1024),
    maxAssetBytes: readInteger(env, 'MAX_ASSET_BYTES', 10 * 1024 * 1024, 1),
    maxSendBufferBytes: readInteger(env, 'MAX_SEND_BUFFER_BYTES', 8 * 1024 * 1024, 1024),
    compactAfterUpdates: readInteger(env, 'COMPACT_AFTER_UPDATES', 500, 1),
    maxConnectionsPerBoard: readInteger(env, 'MAX_CONNECTIONS_PER_BOARD', 500, 1),
    maxConnections: readInteger(env, 'MAX_CONNECTIONS', 5000, 1),
    maxBoardAssetBytes: readInteger(env, 'MAX_BOARD_ASSET_BYTES', 256 * 1024 * 1024, 1),
    boardsPerMinutePerAddress: readInteger(env, 'BOARDS_PER_MINUTE_PER_ADDRESS', 20, 1),
    joinsPerMinutePerAddress: readInteger(env, 'JOINS_PER_MINUTE_PER_ADDRESS', 600, 1),
    tldrawLicenseKey: env.TLDRAW_LICENSE_KEY || null,
    skipClientBuild: env.SKIP_CLIENT_BUILD === '1',
    logLevel: readLogLevel(env),
    databaseUrl: readUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    redisUrl: readRedisUrl(env),
  }
}
