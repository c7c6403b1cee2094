import { useEffect } from 'react'
import { useEditor, useValue, type Editor } from 'tldraw'
import type * as Y from 'yjs'
import type { StoredPerson } from '../../../shared/src/doc/people'
import { storeAtom } from './storeAtom'
import { usePeople } from './usePeople'

// The board's `people` map, kept beside its editor so a card shows its creator's name wherever
// tldraw draws it: on the board, on the projector, and in PNG/SVG exports, which tldraw renders
// in a React tree of its own (only the editor reaches it, not our contexts).

type People = Readonly<Record<string, StoredPerson>>

const peopleAtom = storeAtom<People>('board people', () => ({}))

/** Keeps the editor's copy of `people` up to date with the board document. */
export function useProvideBoardPeople(editor: Editor | null, doc: Y.Doc | null): void {
  const people = usePeople(doc)
  useEffect(() => {
    if (editor) peopleAtom(editor.store).set(people)
  }, [editor, people])
}

/** Everyone on the board by person id, for a component tldraw renders. */
export function useBoardPeople(): People {
  const editor = useEditor()
  return useValue('board people', () => peopleAtom(editor.store).get(), [editor])
}
