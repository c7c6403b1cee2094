import pino from 'pino'

// One JSON line per event (pino), at or above LOG_LEVEL. Callers pass paths without query
// strings: secrets travel in `?k=` and must never reach a log.
export interface Logger {
  info(message: string): void
  warn(message: string): void
  error(message: string): void
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

/** A logger writing JSON lines to stdout: {"level":30,"time":…,"msg":"…"}. */
export function createJsonLogger(level: LogLevel = 'info'): Logger {
  const logger = pino({ level, base: undefined })
  return {
    info: (message) => logger.info(message),
    warn: (message) => logger.warn(message),
    error: (message) => logger.error(message),
  }
}

/** The path of a request URL with its query string (where secrets travel) removed. */
export function pathOnly(url: string | undefined): string {
  const raw = url ?? ''
  const cut = raw.search(/[?#]/)
  return cut === -1 ? raw : raw.slice(0, cut)
}
