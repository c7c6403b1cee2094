import type { SerializedSchema, SerializedSchemaV2 } from '@tldraw/store'

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

/** A stored `meta.schema` value as a serialized schema, or null when it is missing or malformed. */
export function decodeStoredSchema(value: unknown): SerializedSchema | null {
  if (typeof value !== 'object' || value === null) return null
  const schema = value as Record<string, unknown>
  if (schema.schemaVersion === 2) {
    const sequences = schema.sequences
    if (typeof sequences !== 'object' || sequences === null) return null
    const allNumbers = Object.values(sequences).every((v) => Number.isInteger(v) && (v as number) >= 0)
    return allNumbers ? (value as SerializedSchema) : null
  }
  if (schema.schemaVersion === 1) {
    const valid = typeof schema.storeVersion === 'number' && typeof schema.recordVersions === 'object'
    return valid ? (value as SerializedSchema) : null
  }
  if (typeof schema.schemaVersion === 'number' && schema.schemaVersion > 2) return value as SerializedSchema
  return null
}
