import type { SerializedSchema } from '@tldraw/store'
import type { TLSchema } from '@tldraw/tlschema'
import { isObject } from '../board/shapeLike'
import { compareStoredSchema } from '../doc/schemaAge'
import { short } from '../wire/fieldPaths'
import { refuse, type Refusal } from './writer'

// Every record written to `records` is checked with the validators (and, for a client still on
// the board's older schema, the migrations) of the board schema the client itself uses
// (shared/src/schema.ts): shape types, props, ids. A record tldraw would refuse to load never
// reaches anyone.

const RULE = 'record'

/**
 * Null when `value` is a valid document record stored under `key`. `storedSchema` (the board's,
 * for a client still on an older one) is read only for a record the current validators refuse.
 */
export function checkRecordValid(schema: TLSchema, key: string, value: unknown, storedSchema: () => SerializedSchema | null): Refusal | null {
  if (!isObject(value) || value.id !== key || typeof value.typeName !== 'string') {
    return refuse(RULE, `${short(key)} is not a record stored under its own id`)
  }
  const types: Record<string, (typeof schema.types)[keyof typeof schema.types]> = schema.types
  const type = Object.hasOwn(types, value.typeName) ? types[value.typeName] : undefined
  if (!type || type.scope !== 'document') return refuse(RULE, `${short(key)}: records cannot hold "${short(value.typeName)}" records`)
  try {
    type.validate(value)
    return null
  } catch (error) {
    const stored = storedSchema()
    if (stored && compareStoredSchema(schema.serialize(), stored) === 'older') {
      const migrated = schema.migratePersistedRecord(value as never, stored)
      if (migrated.type === 'success' && validates(() => type.validate(migrated.value))) return null
    }
    return refuse(RULE, `${short(key)} is invalid: ${short((error as Error).message, 60)}`)
  }
}

function validates(check: () => unknown): boolean {
  try {
    check()
    return true
  } catch {
    return false
  }
}

