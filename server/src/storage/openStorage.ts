import type { TavoloConfig } from '../config'
import type { Logger } from '../log'
import { openPostgresStorage } from './postgres'
import { openSqliteStorage } from './sqlite'
import type { BoardStorage } from './storage'

/** The one place the storage engine is chosen: PostgreSQL when DATABASE_URL is set, else SQLite. */
export function openStorage(config: Pick<TavoloConfig, 'databaseUrl' | 'dataDir'>, logger: Logger): Promise<BoardStorage> {
  if (config.databaseUrl) return openPostgresStorage(config.databaseUrl, logger)
  return Promise.resolve(openSqliteStorage(config.dataDir))
}
