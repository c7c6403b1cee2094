// The production server is bundled ahead of time with esbuild (one file, dependencies inlined), so
// `npm start` runs plain JavaScript: no TypeScript compiler or loader at run time. Like the client,
// it is rebuilt only when missing or older than its sources.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { isStale } from './staleness.mjs'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const SERVER_BUNDLE = path.join(REPO_ROOT, 'server', 'dist', 'main.js')
const SERVER_SOURCES = ['server/src', 'shared/src', 'package-lock.json', 'server/scripts/serverBuild.mjs', 'server/scripts/staleness.mjs']
// Loaded from node_modules at run time: native addons, the optional native pg driver, and PDFKit
// (it reads its font metrics from files beside its code, and is imported only on a PDF export).
const EXTERNAL = ['better-sqlite3', 'pg-native', 'pdfkit']

/** Whether server/dist/main.js is missing or older than any of its sources. */
export function serverBuildIsStale(root = REPO_ROOT) {
  return isStale(root, 'server/dist/main.js', SERVER_SOURCES)
}

/** Bundles server/src/main.ts to server/dist/main.js when stale; concurrent callers are safe. */
export async function ensureServerBuilt(root = REPO_ROOT, log = (line) => console.log(line)) {
  if (!serverBuildIsStale(root)) return
  log('Building the server (server/dist is missing or older than its sources)…')
  const esbuild = await import('esbuild')
  const outfile = path.join(root, 'server', 'dist', 'main.js')
  // Written beside the target and renamed: a process starting meanwhile never reads half a file.
  const temporary = `${outfile}.${process.pid}.tmp`
  await esbuild.build({
    entryPoints: [path.join(root, 'server', 'src', 'main.ts')],
    outfile: temporary,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: EXTERNAL,
    legalComments: 'none',
    logLevel: 'warning',
    // Bundled CommonJS dependencies call require(); ESM output has none unless given one.
    banner: { js: "import { createRequire as __tavoloCreateRequire } from 'node:module'; const require = __tavoloCreateRequire(import.meta.url);" },
  })
  fs.renameSync(temporary, outfile)
}
