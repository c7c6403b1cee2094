import { isObject } from '../board/shapeLike'
import { isCardType } from '../cards/cardTypes'
import { RECORDS_ROOT } from '../doc/roots'
import type { BoardChange } from './boardChange'
import { boardSchema } from './checkWrite'
import { checkOwnHost } from './ownHostRule'
import { short } from '../wire/fieldPaths'
import { checkRecordValid } from './recordRule'
import { refuse, type Refusal, type Writer } from './writer'

// A person's draft document (shared/src/levels/drafting.ts) holds only their own private cards:
// one root, `records`, of card shapes valid by the board's own validators, each created by the
// draft's owner, and only the owner writes it. The reveal moves them onto the board, where the
// board's rules (parents, locks, tables) apply; here a card's parent is a zone of the board, which
// the draft itself does not hold.

const RULE = 'draft'

/** Null when `writer` may make `change` to the draft of `ownerId`; otherwise why not. */
export function checkDraftWrite(writer: Writer, ownerId: string, change: BoardChange): Refusal | null {
  if (writer.personId !== ownerId) return refuse(RULE, 'only its owner writes a draft')
  for (const [root, keys] of change) {
    if (root !== RECORDS_ROOT) return refuse(RULE, `a draft holds records only, not ${short(root)}`)
    for (const [key, value] of keys) {
      // The owner may take back any of their own cards.
      if (value === undefined) continue
      const refusal = checkDraftCard(ownerId, key, value)
      if (refusal) return refusal
    }
  }
  return null
}

/** Null when `value` may be a card of `ownerId`'s draft under `key`. */
export function checkDraftCard(ownerId: string, key: string, value: unknown): Refusal | null {
  // Drafts are new, written by clients of this version: validated with the current schema only.
  const invalid = checkRecordValid(boardSchema(), key, value, () => null)
  if (invalid) return invalid
  const record = value as Record<string, unknown>
  if (record.typeName !== 'shape' || !isCardType(record.type)) return refuse(RULE, `${short(key)}: a draft holds cards only`)
  const createdBy = isObject(record.meta) ? record.meta.createdBy : undefined
  if (createdBy !== ownerId) return refuse(RULE, `${short(key)}: a draft card's meta.createdBy must be its owner`)
  return checkOwnHost(record)
}
