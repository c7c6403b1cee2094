// Plain JavaScript so that `npm start` can use it before anything is compiled.
import fs from 'node:fs'
import path from 'node:path'

function newestModification(entry) {
  let stats
  try {
    stats = fs.statSync(entry)
  } catch {
    return 0
  }
  if (!stats.isDirectory()) return stats.mtimeMs
  return fs.readdirSync(entry).reduce((newest, name) => Math.max(newest, newestModification(path.join(entry, name))), stats.mtimeMs)
}

/** Whether `built` (relative to `root`) is missing or older than any file under `sources`. */
export function isStale(root, built, sources) {
  const builtAt = newestModification(path.join(root, built))
  return builtAt === 0 || sources.some((source) => newestModification(path.join(root, source)) > builtAt)
}
