import { existsSync } from 'node:fs'

// The e2e suite drives the system's Chromium (Debian package) and never downloads a browser.
const DEFAULT_CHROMIUM = '/usr/bin/chromium'

/** The Chromium to drive, or an Error that says how to get one. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const path = env.CHROMIUM_PATH || DEFAULT_CHROMIUM
  if (!existsSync(path)) {
    throw new Error(
      `The e2e tests need Chromium and found none at ${path}. ` +
        'Install it with `apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium or Chrome executable.',
    )
  }
  return path
}
