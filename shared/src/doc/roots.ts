// The root names of a board's Y.Doc are the document format (docs/architecture.md): client, server,
// exporters and outside clients all rely on them, so they change only with a format migration.

/** Y.Array of `{ key, val }` entries used through y-utility's YKeyValue: tldraw records by id. */
export const RECORDS_ROOT = 'records'
/** Y.Map: `schema`, `format`, `title`, `template`. */
export const META_ROOT = 'meta'
/** Y.Map written only by the facilitator (enforced by the server): phase, timer, voting, targets, locks. */
export const SESSION_ROOT = 'session'
/** Y.Map: person id → { name, role, colour }. */
export const PEOPLE_ROOT = 'people'
/** Y.Map: `<card id>/<person id>` → number of dots. */
export const VOTES_ROOT = 'votes'
/** Y.Map: `<criterion>/<person id>` → 1–5. */
export const RATINGS_ROOT = 'ratings'

/** Y.Map (format 2): `<card id>/<person id>` → hours of that person's budget ballot. */
export const BUDGETS_ROOT = 'budgets'
/** Y.Map (format 2): person id → the table id they picked, while the facilitator lets people pick. */
export const SEAT_PICKS_ROOT = 'seatPicks'
/** Y.Map (format 2): person id → the id of the drafting round they said "I'm done" in. */
export const DRAFT_DONE_ROOT = 'draftDone'

/** The roots that are Y.Maps of plain JSON values, one per key. */
export const BOARD_MAP_ROOTS: readonly string[] = [
  META_ROOT,
  SESSION_ROOT,
  PEOPLE_ROOT,
  VOTES_ROOT,
  RATINGS_ROOT,
  BUDGETS_ROOT,
  SEAT_PICKS_ROOT,
  DRAFT_DONE_ROOT,
]

/** Version of the board document format stored in `meta.format` (shared/src/doc/docFormat.ts says what each adds). */
export const DOC_FORMAT_VERSION = 2

export const META_KEYS = {
  schema: 'schema',
  format: 'format',
  title: 'title',
  template: 'template',
} as const
