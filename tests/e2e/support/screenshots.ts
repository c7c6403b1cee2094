import { mkdirSync } from 'node:fs'
import path from 'node:path'

// Every screenshot the e2e suite takes goes to tests/e2e/screenshots/ (git-ignored; the README
// names it), so a reviewer finds them in one place after `npm test`.

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../screenshots')

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  return path.join(SCREENSHOT_DIR, `${name}.png`)
}
