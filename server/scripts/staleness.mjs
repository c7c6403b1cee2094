// Plain JavaScript so that `npm start` can use it before anything is compiled.
import fs from 'node:fs'
import path from 'node:path'

// Runs on every `npm start`, before the server: a directory's entries come with their types, so
// only files and directories are stat'ed, once each, and paths are joined without normalizing.
function newestModification(entry) {
  const stats = fs.statSync(entry, { throwIfNoEntry: false })
  if (!stats) return 0
  if (!stats.isDirectory()) return stats.mtimeMs
  let newest = stats.mtimeMs
  for (const child of fs.readdirSync(entry, { withFileTypes: true })) {
    const childPath = `${entry}${path.sep}${child.name}`
    const childNewest = child.isFile() ? (fs.statSync(childPath, { throwIfNoEntry: false })?.mtimeMs ?? 0) : newestModification(childPath)
    if (childNewest > newest) newest = childNewest
  }
  return newest
}

/** Whether `built` (relative to `root`) is missing or older than any file under `sources`. */
export function isStale(root, built, sources) {
  const builtAt = newestModification(path.join(root, built))
  return builtAt === 0 || sources.some((source) => newestModification(path.join(root, source)) > builtAt)
}
