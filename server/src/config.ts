import path from 'node:path'
import { MAX_PRESENCE_BYTES, PRESENCE_INTERVAL_MS } from '../../shared/src/wire/presence'
import { LOG_LEVELS, type LogLevel } from './log'

// Every setting is an environment variable with a default, so `npm start` needs no set-up. The
// SETTINGS table below is the only place a setting is defined: `readConfig`, `npm start -- --help`
// and the TavoloConfig type all come from it, and a test holds README's table to it. Adding a
// setting is adding one row.

/** Turns the variable's text into the setting's value; throws saying what the value must be. */
type Parser<V> = (raw: string) => V

interface Setting<Key extends string, V> {
  /** The TavoloConfig field. */
  key: Key
  /** The environment variable. */
  name: string
  /** The variable's text when it is unset or empty ('' for "none"), parsed like any other. */
  default: string
  parse: Parser<V>
  /** One line for README and --help. */
  doc: string
  /** The value may hold a password: error messages do not repeat it. */
  secret: boolean
}

function setting<Key extends string, V>(
  key: Key,
  name: string,
  fallback: string,
  parse: Parser<V>,
  doc: string,
  opts: { secret?: boolean } = {},
): Setting<Key, V> {
  return { key, name, default: fallback, parse, doc, secret: opts.secret ?? false }
}

/**
 * A whole number from `min` to `max`, in decimal digits ("1e3" and "0x10" are refused). Parsed by
 * hand, like every setting here: settings are read at start, which loads no validation library.
 */
function integer(min: number, max = Number.MAX_SAFE_INTEGER): Parser<number> {
  const what = max === Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer from ${min} to ${max}`
  return (raw) => {
    const value = Number(raw)
    if (!/^\s*-?\d+\s*$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) throw new Error(what)
    return value
  }
}
const text: Parser<string> = (raw) => raw
const optionalText: Parser<string | null> = (raw) => raw || null
const directory: Parser<string> = (raw) => path.resolve(raw)
/** A URL with one of `protocols` ('postgres:'), or null when unset. */
function optionalUrl(protocols: readonly string[]): Parser<string | null> {
  return (raw) => {
    if (raw === '') return null
    const protocol = URL.canParse(raw) ? new URL(raw).protocol : null
    if (!protocol || !protocols.includes(protocol)) throw new Error(`a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`)
    return raw
  }
}
/** One of `values`. */
function oneOf<V extends string>(values: readonly V[]): Parser<V> {
  return (raw) => {
    if (!(values as readonly string[]).includes(raw)) throw new Error(`one of ${values.join(', ')}`)
    return raw as V
  }
}
const flag: Parser<boolean> = (raw) => {
  if (raw !== '' && raw !== '0' && raw !== '1') throw new Error('1 (on) or 0 (off)')
  return raw === '1'
}

// The largest template seeds a new board of about 6.4 KB (tests/unit/server/config.test.ts checks
// it): a board limit of ten times that still holds the template and a workshop's first cards,
// where a smaller one would refuse edits from the start.
export const MIN_BOARD_BYTES = 65_536

export const SETTINGS = [
  setting('port', 'PORT', '8080', integer(0, 65_535), 'TCP port for the app, the API and the relay, 0 to 65535 (0 picks a free port).'),
  setting('host', 'HOST', '0.0.0.0', text, "Interface to listen on; the default lets laptops on the venue's network join."),
  setting(
    'dataDir',
    'DATA_DIR',
    './data',
    directory,
    'Folder for the SQLite database (tavolo.sqlite) and the server key (server.key, from which every board secret is derived: keep it with the database). The server refuses to start (one line, exit code 1) when this folder or its database cannot be written.',
  ),
  setting(
    'maxMessageBytes',
    'MAX_MESSAGE_BYTES',
    '2097152',
    integer(1024),
    'Largest websocket message accepted; a bigger one closes that connection with code 1009.',
  ),
  setting('maxAssetBytes', 'MAX_ASSET_BYTES', '10485760', integer(1), 'Largest image upload (413 beyond).'),
  setting(
    'maxSendBufferBytes',
    'MAX_SEND_BUFFER_BYTES',
    '8388608',
    integer(1024),
    'Bytes queued for one client that does not read; beyond it that client is disconnected (1008).',
  ),
  setting(
    'compactAfterUpdates',
    'COMPACT_AFTER_UPDATES',
    '500',
    integer(1),
    "Stored updates after which a board's log is merged into one snapshot (also done once the log outweighs a tenth of the snapshot, and when the last person leaves).",
  ),
  setting(
    'maxConnectionsPerBoard',
    'MAX_CONNECTIONS_PER_BOARD',
    '500',
    integer(1),
    "Connections one board accepts at once, its people's private draft connections included (a participant holds two); more are refused at the upgrade with HTTP 503.",
  ),
  setting(
    'maxMessagesPerSecond',
    'MAX_MESSAGES_PER_SECOND',
    '200',
    integer(1),
    'Websocket messages one connection may send per second (bursts of 2 s allowed); beyond it that connection is closed with 1008.',
  ),
  setting(
    'maxBytesPerSecond',
    'MAX_BYTES_PER_SECOND',
    '131072',
    integer(1024),
    'Bytes one connection may send per second (bursts of 2 s plus one largest message allowed); beyond it that connection is closed with 1008. One card dragged at 60 frames a second sends about 29 KB/s, so a drag of ten cards together lasts 14 s before it reaches the limit; a flood at the limit makes the server compact a 76 KB board about 15 times a second (the fairness figure of the bench).',
  ),
  setting(
    'maxBoardBytes',
    'MAX_BOARD_BYTES',
    '67108864',
    integer(MIN_BOARD_BYTES),
    `Largest stored document of one board, at least ${MIN_BOARD_BYTES}; an edit that would pass it is refused (4403, "the board is full").`,
  ),
  setting(
    'maxPresenceBytes',
    'MAX_PRESENCE_BYTES',
    String(MAX_PRESENCE_BYTES),
    integer(256),
    'Largest presence (cursor, name) state of one client, at most MAX_MESSAGE_BYTES; a bigger one closes that connection with 1009.',
  ),
  setting(
    'presenceIntervalMs',
    'PRESENCE_INTERVAL_MS',
    String(PRESENCE_INTERVAL_MS),
    integer(0),
    "The server forwards a board's presence changes at most once per interval (20 a second by default), each client's latest state.",
  ),
  setting(
    'maxConnections',
    'MAX_CONNECTIONS',
    '5000',
    integer(1),
    'Websocket connections the server accepts at once over all boards; more are refused at the upgrade with HTTP 503.',
  ),
  setting(
    'maxBoardAssetBytes',
    'MAX_BOARD_ASSET_BYTES',
    '268435456',
    integer(1),
    "Total bytes of one board's images; an upload past it is refused with 413 and a message the board shows.",
  ),
  setting(
    'boardsPerMinutePerAddress',
    'BOARDS_PER_MINUTE_PER_ADDRESS',
    '20',
    integer(1),
    'Board creations and imports one client address may make per minute; beyond it 429 with Retry-After.',
  ),
  setting(
    'joinsPerMinutePerAddress',
    'JOINS_PER_MINUTE_PER_ADDRESS',
    '600',
    integer(1),
    'People one client address may add to boards per minute (POST /api/boards/:id/people); beyond it 429 with Retry-After. A whole venue behind one NAT address stays far below it.',
  ),
  setting(
    'tldrawLicenseKey',
    'TLDRAW_LICENSE_KEY',
    '',
    optionalText,
    'tldraw licence key, served to the browser at run time (no rebuild). Over plain HTTP or on localhost tldraw runs without one (with its watermark); behind HTTPS on a real domain tldraw requires one and Tavolo says so on screen when it is missing.',
  ),
  setting(
    'logLevel',
    'LOG_LEVEL',
    'info',
    oneOf<LogLevel>(LOG_LEVELS),
    'Least severe log level written: fatal, error, warn, info, debug, trace or silent. Logs are JSON lines on stdout (pino): {"level":30,"time":…,"msg":"…"}.',
  ),
  setting(
    'databaseUrl',
    'DATABASE_URL',
    '',
    optionalUrl(['postgres:', 'postgresql:']),
    'postgres://user:password@host:port/database: store boards in PostgreSQL instead of SQLite (schema created and migrated at start), so several instances can share them. See Running several instances.',
    { secret: true },
  ),
  setting(
    'redisUrl',
    'REDIS_URL',
    '',
    optionalUrl(['redis:', 'rediss:']),
    'redis://host:port: relay edits, presence and link rotations between instances through Redis. Needs DATABASE_URL.',
    { secret: true },
  ),
  setting('skipClientBuild', 'SKIP_CLIENT_BUILD', '', flag, '1: never build the client at start (the tests build it once themselves).'),
] as const

type SettingRow = (typeof SETTINGS)[number]

export type TavoloConfig = { [Row in SettingRow as Row['key']]: ReturnType<Row['parse']> }

function readSetting(row: SettingRow, env: NodeJS.ProcessEnv): unknown {
  const raw = env[row.name]
  const given = raw === undefined || raw === '' ? row.default : raw
  try {
    return row.parse(given)
  } catch (error) {
    throw new Error(`Setting ${row.name} must be ${(error as Error).message}${row.secret ? '' : `, got "${given}"`}`)
  }
}

/** The configuration from `env`; throws naming the first setting whose value is wrong. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): TavoloConfig {
  const config = Object.fromEntries(SETTINGS.map((row) => [row.key, readSetting(row, env)])) as TavoloConfig
  // Instances on separate SQLite files would each hold a different board: fan-out needs one shared store.
  if (config.redisUrl && !config.databaseUrl) throw new Error('Setting REDIS_URL needs DATABASE_URL: instances must share one PostgreSQL database')
  // A presence state travels in one websocket message: a bigger limit would never be reached.
  if (config.maxPresenceBytes > config.maxMessageBytes) {
    throw new Error(`Setting MAX_PRESENCE_BYTES (${config.maxPresenceBytes}) must not exceed MAX_MESSAGE_BYTES (${config.maxMessageBytes}): a presence state is sent in one message`)
  }
  return config
}

/** The text `npm start -- --help` prints: every setting, its default and what it does. */
export function settingsHelp(width = 100): string {
  const lines = ['Tavolo server. Every setting is an environment variable with a default:', '']
  for (const row of SETTINGS) {
    lines.push(`  ${row.name}=${row.default}${row.default === '' ? '   (default: none)' : ''}`)
    lines.push(...wrap(row.doc, width - 6).map((line) => `      ${line}`))
  }
  return lines.join('\n')
}

function wrap(paragraph: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of paragraph.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  return [...lines, line]
}
