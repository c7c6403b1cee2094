// The root names of a board's Y.Doc are the document format (../DESIGN.md): client, server,
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

/** The roots that are Y.Maps of plain JSON values, one per key. */
export const BOARD_MAP_ROOTS: readonly string[] = [META_ROOT, SESSION_ROOT, PEOPLE_ROOT, VOTES_ROOT, RATINGS_ROOT]

/** Version of the board document format stored in `meta.format`. */
export const DOC_FORMAT_VERSION = 1

export const META_KEYS = {
  schema: 'schema',
  format: 'format',
  title: 'title',
  template: 'template',
} as const

/** Keys of the `session` map that templates and the live summary use. */
export const SESSION_KEYS = {
  /** `{ totalHours?: number }`: the design's targets, editable by the facilitator. */
  targets: 'targets',
  /** The template rules (`TemplateRule[]`) the summary checks on this board. */
  rules: 'rules',
} as const
