import { randomPersonColour } from './personColour'

// What stays the same for this browser on every board: the cursor colour, made once and kept in
// localStorage. Who I am on a board is the person the server made when I joined (localStore.ts).

export interface LocalIdentity {
  colour: string
}

const STORAGE_KEY = 'tavolo.identity'
/** Where Tavolo kept the colour before, with the rest of the remembered state. */
const LEGACY_STORAGE_KEY = 'tavolo.local'

let identity: LocalIdentity | null = null

/** This browser's identity, made and stored on first use. */
export function localIdentity(): LocalIdentity {
  identity ??= readIdentity(STORAGE_KEY, (v) => v) ?? readIdentity(LEGACY_STORAGE_KEY, (v) => (v as { state?: unknown }).state) ?? newIdentity()
  return identity
}

function newIdentity(): LocalIdentity {
  const made = { colour: randomPersonColour() }
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(made))
  } catch {
    // Storage full or refused (private mode): this page keeps the identity for its lifetime.
  }
  return made
}

function readIdentity(key: string, pick: (stored: object) => unknown): LocalIdentity | null {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(key) ?? 'null')
    const value = stored !== null && typeof stored === 'object' ? pick(stored) : null
    const { colour } = (value ?? {}) as Partial<Record<keyof LocalIdentity, unknown>>
    if (typeof colour !== 'string') return null
    if (key !== STORAGE_KEY) localStorage.setItem(STORAGE_KEY, JSON.stringify({ colour }))
    return { colour }
  } catch {
    return null
  }
}
