import fs from 'node:fs'
import path from 'node:path'
import { MIGRATIONS_DIR } from '../paths'

export interface Migration {
  version: number
  name: string
  sql: string
}

const FILE_NAME = /^(\d{3})_([a-z0-9_]+)\.sql$/

/**
 * An engine's migrations (`migrations/<engine>/NNN_name.sql`), in order. Numbers run 1, 2, 3…
 * without gaps, so a missing or misnamed file stops the server instead of skipping a step.
 */
export function readMigrations(engine: 'sqlite' | 'postgres'): Migration[] {
  const dir = path.join(MIGRATIONS_DIR, engine)
  const migrations = fs
    .readdirSync(dir)
    .map((file) => {
      const match = FILE_NAME.exec(file)
      if (!match) throw new Error(`${path.join(dir, file)} is not named NNN_name.sql`)
      return { version: Number(match[1]), name: match[2], sql: fs.readFileSync(path.join(dir, file), 'utf8') }
    })
    .sort((a, b) => a.version - b.version)
  migrations.forEach((migration, index) => {
    if (migration.version === migrations[index - 1]?.version) throw new Error(`${dir}: two migrations are numbered ${migration.version}`)
    if (migration.version !== index + 1) throw new Error(`${dir}: migration ${index + 1} is missing`)
  })
  return migrations
}

/** Refuses a database migrated by a newer Tavolo: this one would not know its schema. */
export function checkNotNewer(applied: readonly number[], known: readonly Migration[], where: string): void {
  const newest = Math.max(0, ...applied)
  if (newest > known.length) {
    throw new Error(`${where} has schema version ${newest}, newer than this Tavolo knows (${known.length}): upgrade Tavolo`)
  }
}
