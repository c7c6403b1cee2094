import { isObject } from '../board/shapeLike'
import { storedAdoptedFrom } from '../levels/adoption'
import { validateInput } from '../wire/validation'
import { short } from '../wire/fieldPaths'
import { refuse, type Refusal } from './writer'

// A card's `meta.adoptedFrom` is what the exports credit an adopted card with, and participants
// may adopt (`session.participantsAdopt`): one that does not read as adoptCard writes it is refused.

export function checkAdoptedFrom(record: Record<string, unknown>): Refusal | null {
  const adoptedFrom = isObject(record.meta) ? record.meta.adoptedFrom : undefined
  if (adoptedFrom === undefined) return null
  const read = validateInput(storedAdoptedFrom, adoptedFrom)
  return read.ok ? null : refuse('adoption', `${short(String(record.id))}: meta.adoptedFrom ${read.error}`)
}
