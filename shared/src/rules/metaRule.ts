import type { SerializedSchemaV2 } from '@tldraw/store'
import { DOC_FORMAT_VERSION, META_KEYS } from '../doc/roots'
import { compareStoredSchema, decodeStoredSchema } from '../doc/schemaAge'
import { isEqual } from '@tldraw/utils'
import { refuse, type Refusal, type Writer } from './writer'

// `meta` says how to read the whole board: a `format` or `schema` the server cannot read would
// lock everyone out ("saved by a newer version"). Only the facilitator writes it. One exception:
// any writer may bring `schema` up to exactly this version's schema, which every client does
// after migrating an older board's records.

const RULE = 'meta'

export function checkMetaWrite(writer: Writer, key: string, value: unknown, currentSchema: SerializedSchemaV2): Refusal | null {
  if (key === META_KEYS.schema && isEqual(value, currentSchema)) return null
  if (writer.role !== 'facilitator') return refuse(RULE, 'only the facilitator can change the board settings')
  if (key === META_KEYS.format && !(typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= DOC_FORMAT_VERSION)) {
    return refuse(RULE, `meta.format must be a document format this server reads (1 to ${DOC_FORMAT_VERSION})`)
  }
  if (key === META_KEYS.schema) {
    const schema = decodeStoredSchema(value)
    if (!schema || compareStoredSchema(currentSchema, schema) === 'newer') return refuse(RULE, 'meta.schema is not a schema this server reads')
  }
  if (value === undefined && (key === META_KEYS.format || key === META_KEYS.schema)) return refuse(RULE, `meta.${key} cannot be removed`)
  return null
}
