import fs from 'node:fs'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { REPO_ROOT } from './paths'

// What the built client depends on: when any of it is newer than dist/index.html, rebuild.
const CLIENT_SOURCES = ['client/src', 'client/index.html', 'client/public', 'shared/src', 'vite.config.ts', 'package-lock.json']
const BUILT_INDEX = 'client/dist/index.html'

function newestModification(entry: string): number {
  let stats: fs.Stats
  try {
    stats = fs.statSync(entry)
  } catch {
    return 0
  }
  if (!stats.isDirectory()) return stats.mtimeMs
  return fs.readdirSync(entry).reduce((newest, name) => Math.max(newest, newestModification(path.join(entry, name))), stats.mtimeMs)
}

/** Whether client/dist is missing or older than any of its sources. */
export function clientBuildIsStale(root: string = REPO_ROOT): boolean {
  const built = newestModification(path.join(root, BUILT_INDEX))
  if (built === 0) return true
  return CLIENT_SOURCES.some((source) => newestModification(path.join(root, source)) > built)
}

/** Builds the client with Vite when it is stale; throws if the build fails. */
export function ensureClientBuilt(root: string = REPO_ROOT, log: (line: string) => void = console.log): void {
  if (!clientBuildIsStale(root)) return
  log('Building the client (client/dist is missing or older than its sources)…')
  // A caller's NODE_ENV (vitest sets `test`) would make Vite bundle React's development build.
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (result.status !== 0) throw new Error(`the client build failed (npx vite build exited with ${result.status ?? result.signal})`)
}
