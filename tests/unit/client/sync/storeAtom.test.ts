import { createTLStore } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { storeAtom } from '../../../../client/src/sync/storeAtom'
import { createTavoloSchema } from '../../../../shared/src/schema'

// The state kept beside a store (drafting's private ids, the board's people): one atom per store,
// the same on every call, so what the board sets is what a card tldraw renders elsewhere reads.

describe('storeAtom', () => {
  const newStore = () => createTLStore({ schema: createTavoloSchema() })

  it('gives a store the same atom on every call, starting from its initial value', () => {
    const ids = storeAtom<ReadonlySet<string>>('ids', () => new Set())
    const store = newStore()
    expect(ids(store).get().size).toBe(0)
    ids(store).set(new Set(['shape:a']))
    expect(ids(store)).toBe(ids(store))
    expect([...ids(store).get()]).toEqual(['shape:a'])
  })

  it('keeps each store’s value apart, with an initial value of its own', () => {
    const ids = storeAtom<Set<string>>('ids', () => new Set())
    const [a, b] = [newStore(), newStore()]
    ids(a).get().add('shape:a')
    expect(ids(b).get().size).toBe(0)
  })
})
