// The comparison's links as stored in the session, apart from comparison.ts: the server's write
// rules read the session, and load without the design summary (and its i18next).

/** The stored groups of linked card ids; undefined when the value is not a list of id lists. */
export function readComparisonLinks(value: unknown): string[][] | undefined {
  if (!Array.isArray(value)) return undefined
  const groups = value.filter((g): g is string[] => Array.isArray(g) && g.every((id) => typeof id === 'string'))
  return groups.length === value.length ? groups.map((g) => [...g]) : undefined
}
