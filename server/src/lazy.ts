/**
 * A load run on first use, whose promise every later call shares. A load that fails is forgotten,
 * so the next call tries again: one failure (a lazy chunk not found, a file-system error, a
 * constructor that threw) must not fail every later call until a restart. Node itself keeps a
 * module whose code threw, or one of whose own imports was missing: importing it again fails again.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = null
      throw error
    }))
}
