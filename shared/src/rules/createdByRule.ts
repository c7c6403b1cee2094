import { isObject } from '../board/shapeLike'
import { TEMPLATE_AUTHOR } from '../cards/cardMeta'
import { isCardType } from '../cards/cardTypes'
import { short } from '../wire/fieldPaths'
import { refuse, type Refusal, type Writer } from './writer'

// Attribution (`meta.createdBy`) is what the summary and the exports credit: a new card names
// its writer, and nobody rewrites who created an existing record. Only the facilitator adds
// template content, attributed to the template.

const RULE = 'created-by'

export function checkCreatedBy(writer: Writer, record: Record<string, unknown>, before: unknown): Refusal | null {
  const createdBy = isObject(record.meta) ? record.meta.createdBy : undefined
  const id = short(String(record.id))
  if (before !== undefined) {
    const previous = isObject(before) && isObject(before.meta) ? before.meta.createdBy : undefined
    return createdBy === previous ? null : refuse(RULE, `${id}: meta.createdBy cannot be changed`)
  }
  if (createdBy === undefined && !(record.typeName === 'shape' && isCardType(record.type))) return null
  if (createdBy === writer.personId) return null
  if (createdBy === TEMPLATE_AUTHOR && writer.role === 'facilitator') return null
  return refuse(RULE, `${id}: meta.createdBy must be the writer's own person id`)
}
