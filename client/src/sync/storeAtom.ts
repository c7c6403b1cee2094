import { atom, type Atom, type TLStore } from 'tldraw'

// State kept beside a board's store, so the components tldraw renders in a React tree of its own
// (the projector, PNG/SVG exports), which reach only the editor and its store, see it too.

/** A getter of one atom per store, made with `initial()` on first use and dropped with its store. */
export function storeAtom<V>(name: string, initial: () => V): (store: TLStore) => Atom<V> {
  const atoms = new WeakMap<TLStore, Atom<V>>()
  return (store) => {
    let value = atoms.get(store)
    if (!value) {
      value = atom<V>(name, initial())
      atoms.set(store, value)
    }
    return value
  }
}
