// The production server is bundled ahead of time with esbuild (one file, dependencies inlined), so
// `npm start` runs plain JavaScript: no TypeScript compiler or loader at run time. Like the client,
// it is rebuilt only when missing or older than its sources.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { isStale } from './staleness.mjs'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const SERVER_BUNDLE = path.join(REPO_ROOT, 'server', 'dist', 'main.js')
/**
 * esbuild's metafile of the last build, with paths relative to the repository: which modules each
 * file of server/dist holds (the start-path test reads it; esbuild's bundle analyzer shows it).
 */
export const SERVER_BUNDLE_META = path.join(REPO_ROOT, 'server', 'dist', 'meta.json')
const SERVER_SOURCES = ['server/src', 'shared/src', 'package-lock.json', 'server/scripts/serverBuild.mjs', 'server/scripts/staleness.mjs']
// Loaded from node_modules at run time: native addons, the optional native pg driver, and PDFKit
// (it reads its font metrics from files beside its code, and is imported only on a PDF export).
const EXTERNAL = ['better-sqlite3', 'pg-native', 'pdfkit']

/** Whether server/dist/main.js is missing or older than any of its sources. */
export function serverBuildIsStale(root = REPO_ROOT) {
  return isStale(root, 'server/dist/main.js', SERVER_SOURCES)
}

// Code only some servers need (PostgreSQL, Redis, exports) is imported lazily and lands in its own
// chunk, so a server starts without reading or compiling it. Chunks sit beside main.js: code that
// finds the repository from its own file (server/src/paths.ts) works from either.
const CHUNK_NAME = /-[A-Z0-9]{8}\.js$/
// A server started from an earlier build may still import that build's chunks lazily.
const KEEP_OLD_CHUNKS_MS = 24 * 60 * 60 * 1000

/** Bundles server/src/main.ts to server/dist/main.js (and its lazy chunks) when stale; concurrent callers are safe. */
export async function ensureServerBuilt(root = REPO_ROOT, log = (line) => console.log(line)) {
  if (!serverBuildIsStale(root)) return
  log('Building the server (server/dist is missing or older than its sources)…')
  const esbuild = await import('esbuild')
  const outdir = path.join(root, 'server', 'dist')
  const { outputFiles, metafile } = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [path.join(root, 'server', 'src', 'main.ts')],
    outdir,
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    minify: true,
    // Stack traces in the logs keep their function and class names.
    keepNames: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: EXTERNAL,
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
    metafile: true,
    // Bundled CommonJS dependencies call require(); ESM output has none unless given one.
    banner: { js: "import { createRequire as __tavoloCreateRequire } from 'node:module'; const require = __tavoloCreateRequire(import.meta.url);" },
  })
  // Each file is written beside its target and renamed, main.js last: a process starting meanwhile
  // never reads half a build. A chunk is named by its content, so one already there is kept.
  fs.mkdirSync(outdir, { recursive: true })
  const entry = path.join(outdir, 'main.js')
  const writeWhole = (file) => {
    const temporary = `${file.path}.${process.pid}.tmp`
    fs.writeFileSync(temporary, file.contents)
    fs.renameSync(temporary, file.path)
  }
  for (const file of outputFiles) if (file.path !== entry && !fs.existsSync(file.path)) writeWhole(file)
  writeWhole({ path: path.join(outdir, 'meta.json'), contents: JSON.stringify(metafile) })
  writeWhole(outputFiles.find((file) => file.path === entry))
  const current = new Set(outputFiles.map((file) => file.path))
  for (const name of fs.readdirSync(outdir).filter((name) => CHUNK_NAME.test(name))) {
    const chunk = path.join(outdir, name)
    if (!current.has(chunk) && Date.now() - fs.statSync(chunk).mtimeMs > KEEP_OLD_CHUNKS_MS) fs.rmSync(chunk, { force: true })
  }
}
