import * as Y from 'yjs'
import { DOC_FORMAT_VERSION, META_KEYS, META_ROOT } from './roots'

// The board document format's versions (`meta.format`), separate from the tldraw records' schema.
// Each step turns a version-N document into version N+1 in place; a board stored at a newer
// version than DOC_FORMAT_VERSION is refused by the client (bindStoreToDoc) and the meta rule.
//  1: records, meta, session, people, votes, ratings.
//  2: the levels (shared/src/levels/): session keys drafting, tables, seating, tableEditing,
//     tablePicking, budget, comparisonLinks, participantsAdopt, and `follow.tableId`; roots
//     budgets, seatPicks, draftDone; zones' `meta.tableId`; cards' `meta.adoptedFrom`; session
//     keys ratingsOpen and projectorView. All
//     are absent on a version-1 board and read as "off", empty or the default (ratings as the
//     phase suggests, the whole board on the projector), so the step only records the version.

const STEPS: Record<number, (doc: Y.Doc) => void> = {
  1: () => {},
}

/** The board's stored format version; a board without one predates the field and is version 1. */
export function storedDocFormat(doc: Y.Doc): number {
  const format = doc.getMap(META_ROOT).get(META_KEYS.format)
  return typeof format === 'number' && Number.isInteger(format) && format >= 1 ? format : 1
}

/**
 * Brings an older board up to DOC_FORMAT_VERSION in one transaction (the facilitator's client
 * does it on opening, sync/useBoardStore.ts, since only the facilitator writes `meta`). Returns whether it changed
 * anything; a newer board is left alone.
 */
export function upgradeDocFormat(doc: Y.Doc): boolean {
  const from = storedDocFormat(doc)
  if (from >= DOC_FORMAT_VERSION) return false
  doc.transact(() => {
    for (let version = from; version < DOC_FORMAT_VERSION; version++) STEPS[version](doc)
    doc.getMap(META_ROOT).set(META_KEYS.format, DOC_FORMAT_VERSION)
  })
  return true
}
