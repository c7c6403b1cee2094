// One line per event. Callers pass paths without query strings: secrets travel in `?k=` and
// must never reach a log.
export interface Logger {
  info(message: string): void
  warn(message: string): void
  error(message: string): void
}

export function createConsoleLogger(): Logger {
  const line = (level: string, message: string) => `${new Date().toISOString()} ${level} ${message}`
  return {
    info: (message) => console.log(line('info', message)),
    warn: (message) => console.warn(line('warn', message)),
    error: (message) => console.error(line('error', message)),
  }
}

/** The path of a request URL with its query string (where secrets travel) removed. */
export function pathOnly(url: string | undefined): string {
  const raw = url ?? ''
  const cut = raw.search(/[?#]/)
  return cut === -1 ? raw : raw.slice(0, cut)
}
