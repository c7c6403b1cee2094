import { execFileSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { findChromium } from './chromium'

// Runs once before the e2e files: the server serves the built client, so build it when the build
// is missing or older than its sources; and fail loudly (never skip) when there is no Chromium.

const ROOT = path.resolve(import.meta.dirname, '../../..')
const BUILT_INDEX = path.join(ROOT, 'client/dist/index.html')
const CLIENT_SOURCES = ['client/src', 'client/index.html', 'client/public', 'shared/src', 'vite.config.ts', 'package-lock.json']

function newestModification(target: string): number {
  let stat
  try {
    stat = statSync(target)
  } catch {
    return 0
  }
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(target).reduce((newest, entry) => Math.max(newest, newestModification(path.join(target, entry))), stat.mtimeMs)
}

function clientBuildIsStale(): boolean {
  const builtAt = newestModification(BUILT_INDEX)
  if (builtAt === 0) return true
  return CLIENT_SOURCES.some((source) => newestModification(path.join(ROOT, source)) > builtAt)
}

export default function setup(): void {
  findChromium()
  if (clientBuildIsStale()) {
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  }
}
