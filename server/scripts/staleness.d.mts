export function isStale(root: string, built: string, sources: readonly string[]): boolean
