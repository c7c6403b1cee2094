import { spawnSync } from 'node:child_process'
import { isStale } from '../scripts/staleness.mjs'
import { REPO_ROOT } from './paths'

// What the built client depends on: when any of it is newer than dist/index.html, rebuild.
const CLIENT_SOURCES = ['client/src', 'client/index.html', 'client/public', 'shared/src', 'vite.config.ts', 'package-lock.json']
const BUILT_INDEX = 'client/dist/index.html'

/** Whether client/dist is missing or older than any of its sources. */
export function clientBuildIsStale(root: string = REPO_ROOT): boolean {
  return isStale(root, BUILT_INDEX, CLIENT_SOURCES)
}

/** Builds the client with Vite when it is stale; throws if the build fails. */
export function ensureClientBuilt(root: string = REPO_ROOT, log: (line: string) => void = console.log): void {
  if (!clientBuildIsStale(root)) return
  log('Building the client (client/dist is missing or older than its sources)…')
  // A caller's NODE_ENV (vitest sets `test`) would make Vite bundle React's development build.
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (result.status !== 0) throw new Error(`the client build failed (npx vite build exited with ${result.status ?? result.signal})`)
}
