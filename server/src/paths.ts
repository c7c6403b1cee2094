import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root, found from this file's place in server/src. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const CLIENT_DIST_DIR = path.join(REPO_ROOT, 'client', 'dist')
/** Versioned schema migrations, one folder per storage engine: `<engine>/NNN_name.sql`. */
export const MIGRATIONS_DIR = path.join(REPO_ROOT, 'server', 'src', 'storage', 'migrations')
