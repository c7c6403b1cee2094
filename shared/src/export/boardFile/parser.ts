import { isObject } from '../../board/shapeLike'
import type { StoredPerson } from '../../doc/people'
import { decodeStoredSchema } from '../../doc/schemaAge'
import { BOARD_FILE_KIND, sizeText, type BoardFileParse } from './format'
import { migrateRecordsOrRefuse, type RawRecord } from './migrateRecords'
import { damaged, refuse } from './refusal'
import { BOARD_FILE_VERSION, upgradeBoardFile } from './upgrades'

// Reading a board file checks everything before anything is written: the kind, the size, the
// file's format version (older ones are upgraded, newer ones refused), then the tldraw records
// (migrated to this version's schema and validated). Any problem refuses the whole file with a
// message saying what is wrong.

export function parseBoardFile(text: string, opts: { maxBytes: number }): BoardFileParse {
  const bytes = utf8Length(text)
  if (bytes > opts.maxBytes) {
    return refuse('board-file-too-large', { size: sizeText(bytes), max: sizeText(opts.maxBytes) })
  }
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    return refuse('board-file-not-tavolo')
  }
  if (!isObject(json) || json.kind !== BOARD_FILE_KIND) {
    return refuse('board-file-not-tavolo')
  }
  const version = json.formatVersion
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return damaged('"formatVersion" must be a whole number')
  }
  if (version > BOARD_FILE_VERSION) {
    return refuse('board-file-too-new')
  }
  const upgraded = upgradeBoardFile(json, version)
  return upgraded.ok ? readCurrentFile(upgraded.file) : refuse('board-file-too-old')
}


function readCurrentFile(json: Record<string, unknown>): BoardFileParse {
  const { exportedAt, title, template, schema, records, session, people, votes, ratings } = json
  if (typeof title !== 'string') return damaged('"title" must be text')
  if (template !== null && template !== undefined && typeof template !== 'string') return damaged('"template" must be text or null')
  const storedSchema = decodeStoredSchema(schema)
  if (!storedSchema) return damaged('"schema" is missing or not a tldraw schema')
  if (!Array.isArray(records)) return damaged('"records" must be a list')
  const badRecord = records.findIndex((r) => !isObject(r) || typeof r.id !== 'string' || typeof r.typeName !== 'string')
  if (badRecord >= 0) return damaged(`record ${badRecord + 1} has no id or type`)
  if (!isObject(session)) return damaged('"session" must be an object')
  const peopleRead = readPeople(people)
  if (typeof peopleRead === 'string') return damaged(peopleRead)
  const votesRead = readNumbers(votes, 'votes')
  if (typeof votesRead === 'string') return damaged(votesRead)
  const ratingsRead = readNumbers(ratings, 'ratings')
  if (typeof ratingsRead === 'string') return damaged(ratingsRead)

  const migrated = migrateRecordsOrRefuse(records as RawRecord[], storedSchema)
  if (!migrated.ok) return migrated
  return {
    ok: true,
    file: {
      kind: BOARD_FILE_KIND,
      formatVersion: BOARD_FILE_VERSION,
      exportedAt: typeof exportedAt === 'string' ? exportedAt : '',
      title,
      template: typeof template === 'string' ? template : null,
      schema: migrated.schema,
      records: migrated.records,
      session,
      people: peopleRead,
      votes: votesRead,
      ratings: ratingsRead,
    },
  }
}

function readPeople(value: unknown): Record<string, StoredPerson> | string {
  if (!isObject(value)) return '"people" must be an object'
  const people: Record<string, StoredPerson> = {}
  for (const [id, person] of Object.entries(value)) {
    if (!isObject(person) || ![person.name, person.role, person.colour].every((v) => typeof v === 'string')) {
      return `person "${id}" needs a name, a role and a colour`
    }
    people[id] = { name: person.name as string, role: person.role as string, colour: person.colour as string }
  }
  return people
}

function readNumbers(value: unknown, root: string): Record<string, number> | string {
  if (!isObject(value)) return `"${root}" must be an object`
  for (const [key, n] of Object.entries(value)) {
    if (typeof n !== 'number' || !Number.isFinite(n)) return `${root} "${key}" must be a number`
  }
  return value as Record<string, number>
}

/** UTF-8 size without encoding the whole text (a too-large upload is refused without copying it). */
function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}
