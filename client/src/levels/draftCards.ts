import { useEffect } from 'react'
import { useEditor, useValue, type Editor, type TLShape } from 'tldraw'
import type * as Y from 'yjs'
import { SESSION_ROOT } from '../../../shared/src/doc/roots'
import { draftRoundOf } from '../../../shared/src/levels/drafting'
import { readSessionValue } from '../../../shared/src/session/sessionState'
import { storeAtom } from '../sync/storeAtom'
import { usePlainMap } from '../sync/usePlainMap'

// What a card's view needs to know about drafting, kept beside the store so the board, the
// projector and image exports (which tldraw renders in a React tree of its own) agree: which
// cards are my private drafts, and which revealed round's authors are hidden.

/** The ids of the cards in this person's private draft (set by the draft's binding). */
export const privateCardIds = storeAtom<ReadonlySet<string>>('private card ids', () => new Set())

/** The drafting round whose authors are hidden (an anonymous reveal), or null. */
export const hiddenAuthorsRound = storeAtom<string | null>('hidden authors round', () => null)

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
