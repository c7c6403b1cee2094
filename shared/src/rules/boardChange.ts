// What one write changes in a board document, and a read-only view of the board the rules judge
// it against. The server builds a BoardChange from an encoded Yjs update before applying it; a
// client can build one from the change it is about to make, and ask the same rules first.

/** root name → key → new value, `undefined` for a deleted key. For `records`, keys are record ids. */
export type BoardChange = ReadonlyMap<string, ReadonlyMap<string, unknown>>

/** The board as the rules read it: one value per root and key, `undefined` when absent. */
export interface BoardView {
  value(root: string, key: string): unknown
  /** Every key of a root with its value, as plain JSON. */
  entries(root: string): Readonly<Record<string, unknown>>
}

/** The board once `change` is applied to `before`. */
export function boardAfter(before: BoardView, change: BoardChange): BoardView {
  return {
    value(root, key) {
      const written = change.get(root)
      return written?.has(key) ? written.get(key) : before.value(root, key)
    },
    entries(root) {
      const written = change.get(root)
      if (!written) return before.entries(root)
      const all: Record<string, unknown> = { ...before.entries(root) }
      for (const [key, value] of written) {
        if (value === undefined) delete all[key]
        else all[key] = value
      }
      return all
    },
  }
}

/** A BoardChange from plain objects, for callers writing a few keys by hand. */
export function boardChange(roots: Record<string, Record<string, unknown>>): BoardChange {
  return new Map(Object.entries(roots).map(([root, keys]) => [root, new Map(Object.entries(keys))]))
}
