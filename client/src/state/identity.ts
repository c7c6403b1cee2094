import { randomPersonColour } from './personColour'
import { randomId } from './randomId'

// Who this browser is on every board: a stable person id (the key of its `people` entry and the
// `createdBy` of its cards) and a cursor colour, made once and kept in localStorage. Kept apart
// from everything else the browser remembers, so how a person is identified can change here alone.

export interface LocalIdentity {
  personId: string
  colour: string
}

const STORAGE_KEY = 'tavolo.identity'
/** Where Tavolo kept the identity before, with the rest of the remembered state. */
const LEGACY_STORAGE_KEY = 'tavolo.local'

let identity: LocalIdentity | null = null

/** This browser's identity, made and stored on first use. */
export function localIdentity(): LocalIdentity {
  identity ??= readIdentity(STORAGE_KEY, (v) => v) ?? readIdentity(LEGACY_STORAGE_KEY, (v) => (v as { state?: unknown }).state) ?? newIdentity()
  return identity
}

function newIdentity(): LocalIdentity {
  const made = { personId: randomId(), colour: randomPersonColour() }
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
    const { personId, colour } = (value ?? {}) as Partial<Record<keyof LocalIdentity, unknown>>
    if (typeof personId !== 'string' || personId === '' || typeof colour !== 'string') return null
    if (key !== STORAGE_KEY) localStorage.setItem(STORAGE_KEY, JSON.stringify({ personId, colour }))
    return { personId, colour }
  } catch {
    return null
  }
}
