// Shared, reference-counted resources by key: the first `open` creates one, later ones reuse
// it, and it is destroyed only once nobody has retained it for a grace period. React StrictMode
// mounts, unmounts and mounts again at once; a grace period lets a remount pick the same one up.

export interface RefCountedRegistry<V> {
  /** The resource for `key`, created if needed. Safe during render: unretained ones expire. */
  open(key: string): V
  /** Marks the resource in use until the returned release is called (calling it twice is harmless). */
  retain(key: string, value: V): () => void
  /** How many resources are alive. */
  size(): number
}

interface Entry<V> {
  value: V
  users: number
  destroyTimer: ReturnType<typeof setTimeout> | null
}

export function createRefCountedRegistry<V>(opts: {
  create(key: string): V
  destroy(value: V): void
  graceMs: number
}): RefCountedRegistry<V> {
  const entries = new Map<string, Entry<V>>()

  const scheduleDestroy = (key: string, entry: Entry<V>) => {
    entry.destroyTimer = setTimeout(() => {
      if (entry.users > 0 || entries.get(key) !== entry) return
      entries.delete(key)
      opts.destroy(entry.value)
    }, opts.graceMs)
  }

  return {
    open(key) {
      let entry = entries.get(key)
      if (!entry) {
        entry = { value: opts.create(key), users: 0, destroyTimer: null }
        entries.set(key, entry)
        scheduleDestroy(key, entry)
      }
      return entry.value
    },
    retain(key, value) {
      const entry = entries.get(key)
      if (!entry || entry.value !== value) throw new Error(`Nothing open under "${key}" to retain (it expired before use)`)
      entry.users++
      if (entry.destroyTimer) clearTimeout(entry.destroyTimer)
      entry.destroyTimer = null
      let released = false
      return () => {
        if (released) return
        released = true
        entry.users--
        if (entry.users === 0) scheduleDestroy(key, entry)
      }
    },
    size: () => entries.size,
  }
}
