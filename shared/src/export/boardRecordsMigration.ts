import type { TLRecord, TLSchema } from '@tldraw/tlschema'
import { createTavoloSchema } from '../schema'

// The tldraw records of an imported board, brought to this version's schema with tldraw's own
// migrations (the file carries the schema it was written with) and then validated, so a board
// that reaches a client's store never fails to load there. A record that cannot be migrated or
// is not valid refuses the whole file: a silently partial board (a zone lost, its cards
// orphaned) would be worse than a clear refusal.

/** A store schema as `TLSchema.serialize()` writes it (kept in the board's `meta.schema`). */
export type SerializedSchema = ReturnType<TLSchema['serialize']>

/** The parts of a stored record that migration needs before validation checks the rest. */
export interface RawRecord {
  id: string
  typeName: string
  [field: string]: unknown
}

export type RecordsMigration = { ok: true; records: TLRecord[]; schema: SerializedSchema } | { ok: false; error: string }

export function migrateBoardRecords(records: readonly RawRecord[], storedSchema: SerializedSchema): RecordsMigration {
  const schema = createTavoloSchema()
  const store: Record<string, RawRecord> = {}
  for (const record of records) {
    if (Object.hasOwn(store, record.id)) return { ok: false, error: `Record "${record.id}" appears twice in the board file.` }
    store[record.id] = record
  }
  const migrated = schema.migrateStoreSnapshot({ store: store as never, schema: storedSchema })
  if (migrated.type === 'error') return { ok: false, error: migrationError(migrated.reason) }

  const result: TLRecord[] = []
  for (const record of Object.values(migrated.value) as unknown as RawRecord[]) {
    const type = Object.hasOwn(schema.types, record.typeName) ? schema.types[record.typeName as keyof typeof schema.types] : undefined
    if (!type) return { ok: false, error: `Record "${record.id}" has the unknown type "${record.typeName}".` }
    if (type.scope !== 'document') {
      return { ok: false, error: `Record "${record.id}" is a ${record.typeName} record, which is not part of a board's document.` }
    }
    try {
      result.push(type.validate(record) as TLRecord)
    } catch (error) {
      return { ok: false, error: `Record "${record.id}" is not valid: ${error instanceof Error ? error.message : String(error)}` }
    }
  }
  return { ok: true, records: result, schema: schema.serialize() }
}

function migrationError(reason: string): string {
  switch (reason) {
    case 'target-version-too-new':
    case 'unrecognized-subtype':
    case 'unknown-type':
      return 'The board file was made by a newer version of Tavolo: its cards or drawings cannot be read by this version.'
    default:
      return `The board's records could not be migrated to this version of Tavolo (${reason}).`
  }
}
