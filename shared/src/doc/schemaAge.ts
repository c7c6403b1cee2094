import { T } from '@tldraw/validate'
import type { SerializedSchema, SerializedSchemaV2 } from '@tldraw/store'
import { jsonObject } from '../wire/validation'

/**
 * How a board's stored schema relates to this client's schema:
 * - `same`: nothing to do;
 * - `older`: the board was written by an older client and is migrated on load;
 * - `newer`: the board has migrations (or record types) this client does not know, so this
 *   client must not write to it and asks the person to reload.
 */
export type SchemaAge = 'same' | 'older' | 'newer'

/** Compares a board's stored schema with this client's. A stored v1 schema predates v2 and is older. */
export function compareStoredSchema(current: SerializedSchemaV2, stored: SerializedSchema): SchemaAge {
  if (stored.schemaVersion !== 2) return stored.schemaVersion > 2 ? 'newer' : 'older'
  let older = false
  for (const [sequenceId, storedVersion] of Object.entries(stored.sequences)) {
    const ours = current.sequences[sequenceId]
    if (ours === undefined || storedVersion > ours) return 'newer'
    if (storedVersion < ours) older = true
  }
  for (const sequenceId of Object.keys(current.sequences)) {
    if (!(sequenceId in stored.sequences)) older = true
  }
  return older ? 'older' : 'same'
}

const versioned = T.object({ schemaVersion: T.positiveInteger }).allowUnknownProperties()
const schemaV2 = T.object({ schemaVersion: T.literal(2), sequences: jsonObject(T.dict(T.string, T.positiveInteger)) }).allowUnknownProperties()
const schemaV1 = T.object({ schemaVersion: T.literal(1), storeVersion: T.number, recordVersions: jsonObject(T.dict(T.string, T.unknown)) })
  .allowUnknownProperties()

/**
 * A stored `meta.schema` (or a board file's `schema`): the one check of a serialized store schema.
 * A version above 2 passes as it is, so `compareStoredSchema` can say the board is newer.
 */
export const storedSchema: T.Validator<SerializedSchema> = new T.Validator((value) => {
  const { schemaVersion } = versioned.validate(value)
  if (schemaVersion === 2) return schemaV2.validate(value) as SerializedSchema
  if (schemaVersion === 1) return schemaV1.validate(value) as SerializedSchema
  if (schemaVersion > 2) return value as SerializedSchema
  throw new T.ValidationError(`Expected schema version 1 or more, got ${schemaVersion}`, ['schemaVersion'])
})

/** A stored `meta.schema` value as a serialized schema, or null when it is missing or malformed. */
export function decodeStoredSchema(value: unknown): SerializedSchema | null {
  return storedSchema.isValid(value) ? (value as SerializedSchema) : null
}
