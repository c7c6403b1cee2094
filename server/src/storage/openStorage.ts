import type { TavoloConfig } from '../config'
import type { Logger } from '../log'
import { openSqliteStorage } from './sqlite'
import type { BoardStorage } from './storage'

/**
 * The one place the storage engine is chosen: PostgreSQL when DATABASE_URL is set, else SQLite.
 * The PostgreSQL engine (and `pg`) is loaded only then: a SQLite server starts without it.
 */
export async function openStorage(config: Pick<TavoloConfig, 'databaseUrl' | 'dataDir'>, logger: Logger): Promise<BoardStorage> {
  if (!config.databaseUrl) return openSqliteStorage(config.dataDir, logger)
  const { openPostgresStorage } = await import('./postgres')
  return openPostgresStorage(config.databaseUrl, logger)
}
