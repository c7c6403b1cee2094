import { describe, expect, it } from 'vitest'
import { decodeStoredSchema, storedSchema } from '../../../../shared/src/doc/schemaAge'
import { createTavoloSchema } from '../../../../shared/src/schema'
import { validateInput } from '../../../../shared/src/wire/validation'

// `meta.schema` and a board file's `schema` are checked by this one validator.

describe('a stored schema', () => {
  const current = createTavoloSchema().serialize()

  it('accepts the current schema, an older v1 schema and a newer version as it is', () => {
    expect(decodeStoredSchema(current)).toBe(current)
    const v1 = { schemaVersion: 1, storeVersion: 4, recordVersions: { shape: { version: 3 } } }
    expect(decodeStoredSchema(v1)).toBe(v1)
    expect(decodeStoredSchema({ schemaVersion: 3, anything: true })).not.toBeNull()
  })

  it('refuses a malformed one, naming the field', () => {
    expect(validateInput(storedSchema, 'schema')).toEqual({ ok: false, error: 'expected object, got a string' })
    expect(validateInput(storedSchema, { schemaVersion: 2, sequences: { a: -1 } })).toEqual({
      ok: false,
      error: '"sequences.a": expected a positive integer, got -1',
    })
    expect(validateInput(storedSchema, { schemaVersion: 1, recordVersions: {} })).toEqual({
      ok: false,
      error: '"storeVersion": expected number, got undefined',
    })
    expect(validateInput(storedSchema, { schemaVersion: 0 })).toEqual({ ok: false, error: '"schemaVersion": expected schema version 1 or more, got 0' })
  })
})
