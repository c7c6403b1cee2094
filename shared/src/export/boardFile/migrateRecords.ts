import type { SerializedSchema } from '@tldraw/store'
import type { TLRecord } from '@tldraw/tlschema'
import { createTavoloSchema } from '../../schema'
import type { BoardFileRefusal } from './format'
import { damaged, refuse } from './refusal'

// The tldraw records of an imported board, brought to this version's schema with tldraw's own
// migrations (the file carries the schema it was written with) and then validated, so a board
// that reaches a client's store never fails to load there. A record that cannot be migrated or
// is not valid refuses the whole file: a silently partial board (a zone lost, its cards
// orphaned) would be worse than a clear refusal. (A live board is migrated leniently instead,
// record by record: client/src/sync/migrateRecordsSkippingBroken.ts.)

/** The parts of a stored record that migration needs before validation checks the rest. */
export interface RawRecord {
  id: string
  typeName: string
  [field: string]: unknown
}

export type RecordsMigration = { ok: true; records: TLRecord[]; schema: SerializedSchema } | BoardFileRefusal

export function migrateRecordsOrRefuse(records: readonly RawRecord[], storedSchema: SerializedSchema): RecordsMigration {
  const schema = createTavoloSchema()
  const store: Record<string, RawRecord> = {}
  for (const record of records) {
    if (Object.hasOwn(store, record.id)) return damaged(`record "${record.id}" appears twice`)
    store[record.id] = record
  }
  const current = schema.serialize()
  const newer = newerParts(storedSchema, current)
  if (newer.length > 0) {
    return refuse('board-file-too-new', { parts: newer.join(', ') })
  }
  const migrated = schema.migrateStoreSnapshot({ store: store as never, schema: storedSchema })
  if (migrated.type === 'error') {
    return damaged(`its records could not be migrated to this version of Tavolo (${migrated.reason})`)
  }

  const result: TLRecord[] = []
  for (const record of Object.values(migrated.value) as unknown as RawRecord[]) {
    const type = Object.hasOwn(schema.types, record.typeName) ? schema.types[record.typeName as keyof typeof schema.types] : undefined
    if (!type) return damaged(`record "${record.id}" has the unknown type "${record.typeName}"`)
    if (type.scope !== 'document') {
      return damaged(`record "${record.id}" is a ${record.typeName} record, which is not part of a board's document`)
    }
    try {
      result.push(type.validate(record) as TLRecord)
    } catch (error) {
      return damaged(`record "${record.id}" is not valid: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  return { ok: true, records: result, schema: current }
}

/**
 * The migration sequences of the stored schema that this version does not know or knows only in
 * an older version, named by what they hold ("tavolo-content", "arrow"). tldraw reports these as a
 * bare "migration-error", so they are found here to say the file is newer.
 */
function newerParts(stored: SerializedSchema, current: SerializedSchema): string[] {
  if (!('sequences' in stored) || !('sequences' in current)) return []
  return Object.entries(stored.sequences)
    .filter(([id, version]) => !Object.hasOwn(current.sequences, id) || version > current.sequences[id])
    .map(([id]) => id.replace(/^com\.tldraw\.(shape\.|binding\.|asset\.)?/, ''))
}
