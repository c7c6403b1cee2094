import type { SerializedSchema, SerializedStore, TLRecord, TLStore } from 'tldraw'

export interface MigratedBoardRecords {
  /** The records that migrated, by id. */
  records: Map<string, unknown>
  /** Ids a store-scope migration removed from the board (not the ones that failed to migrate). */
  removedIds: string[]
}

/**
 * Brings a board's records, written under `storedSchema`, up to `schema`. The whole snapshot is
 * migrated first (store-scope migrations need it); if that fails, each record is migrated on its
 * own so one broken record from a buggy peer costs only that record: it is logged and left out.
 * (An imported file is migrated strictly instead: shared/src/export/boardFile/migrateRecords.ts.)
 */
export function migrateRecordsSkippingBroken(
  schema: TLStore['schema'],
  storedSchema: SerializedSchema,
  records: ReadonlyMap<string, unknown>,
  log: (message: string, detail?: unknown) => void,
): MigratedBoardRecords {
  const snapshot = { schema: storedSchema, store: Object.fromEntries(records) as SerializedStore<TLRecord> }
  const whole = schema.migrateStoreSnapshot(snapshot)
  if (whole.type === 'success') {
    const migrated = new Map<string, unknown>(Object.entries(whole.value))
    return { records: migrated, removedIds: [...records.keys()].filter((id) => !migrated.has(id)) }
  }

  log('Migrating the board as a whole failed; migrating record by record', whole.reason)
  const migrated = new Map<string, unknown>()
  for (const [id, record] of records) {
    const result = schema.migratePersistedRecord(record as TLRecord, storedSchema)
    if (result.type === 'success') migrated.set(id, result.value)
    else log(`Skipped a board record that could not be migrated: ${id}`, result.reason)
  }
  return { records: migrated, removedIds: [] }
}
