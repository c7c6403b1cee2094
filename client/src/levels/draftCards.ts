import { useEffect } from 'react'
import { atom, useEditor, useValue, type Atom, type Editor, type TLShape, type TLStore } from 'tldraw'
import type * as Y from 'yjs'
import { SESSION_ROOT } from '../../../shared/src/doc/roots'
import { draftRoundOf } from '../../../shared/src/levels/drafting'
import { readSessionValue } from '../../../shared/src/session/sessionState'
import { usePlainMap } from '../sync/usePlainMap'

// What a card's view needs to know about drafting, kept beside the store so the board, the
// projector and image exports (which tldraw renders in a React tree of its own) agree: which
// cards are my private drafts, and which revealed round's authors are hidden.

const privateIds = new WeakMap<TLStore, Atom<ReadonlySet<string>>>()
const hiddenRounds = new WeakMap<TLStore, Atom<string | null>>()

function atomOf<V>(map: WeakMap<TLStore, Atom<V>>, store: TLStore, name: string, initial: V): Atom<V> {
  let value = map.get(store)
  if (!value) {
    value = atom<V>(name, initial)
    map.set(store, value)
  }
  return value
}

/** The ids of the cards in this person's private draft (set by the draft's binding). */
export function privateCardIds(store: TLStore): Atom<ReadonlySet<string>> {
  return atomOf(privateIds, store, 'private card ids', new Set<string>())
}

/** The drafting round whose authors are hidden (an anonymous reveal), or null. */
export function hiddenAuthorsRound(store: TLStore): Atom<string | null> {
  return atomOf(hiddenRounds, store, 'hidden authors round', null)
}

/** Whether a card came from the round whose authors are hidden (marked by the reveal). */
export function isAuthorHidden(meta: unknown, hiddenRound: string | null): boolean {
  return hiddenRound !== null && draftRoundOf(meta) === hiddenRound
}

/** Keeps the store's hidden-authors round in step with the board's `session.drafting`. */
export function useProvideHiddenAuthors(editor: Editor | null, doc: Y.Doc | null): void {
  const round = readSessionValue(usePlainMap(doc, SESSION_ROOT), 'drafting')
  const hidden = round.anonymous ? round.roundId : null
  useEffect(() => {
    if (editor) hiddenAuthorsRound(editor.store).set(hidden)
  }, [editor, hidden])
}

/** Whether a card on the canvas is private (my draft) and whether its author is hidden. */
export function useCardDrafting(shape: TLShape): { isPrivate: boolean; authorHidden: boolean } {
  const editor = useEditor()
  const isPrivate = useValue('private card', () => privateCardIds(editor.store).get().has(shape.id), [editor, shape.id])
  const authorHidden = useValue('author hidden', () => isAuthorHidden(shape.meta, hiddenAuthorsRound(editor.store).get()), [editor, shape.meta])
  return { isPrivate, authorHidden }
}
