import { useMemo } from 'react'
import { useValue, type Editor } from 'tldraw'
import type * as Y from 'yjs'
import type { DesignSummary } from '../../../shared/src/summary'
import { summaryOfLevel } from '../../../shared/src/levels/comparison'
import { useBoardFacilitation } from '../facilitation/FacilitationContext'
import { useSeatOf } from '../levels/useSeatOf'
import { useLanguage } from '../i18n/i18n'
import { usePeople } from '../sync/usePeople'

// The live design summary of a board, from the same shared function the exports use, fed with
// the shapes the editor's store already holds (bound to the doc) rather than a fresh read of the
// whole document: only a change to a shape, `people`, `session` or `votes` recomputes it.

export interface BoardSummary {
  summary: DesignSummary
  /** The plain `session` map it was computed with (targets, rules). */
  session: Readonly<Record<string, unknown>>
}

/**
 * `personId`: whose level the summary is of; a person seated at a table sees their table's totals,
 * anyone else (and the projector) the plenary's, which is the whole board when there are no tables.
 */
export function useDesignSummary(editor: Editor | null, doc: Y.Doc, personId?: string): BoardSummary {
  const shapes = useValue('summary shapes', () => (editor ? editor.store.query.records('shape').get() : []), [editor])
  const people = usePeople(doc)
  // The session and votes as the facilitation context already holds them, not read a second time.
  const { plainSession: session, votes } = useBoardFacilitation()
  const language = useLanguage()
  const seatOf = useSeatOf()
  const level = personId === undefined ? null : (seatOf(personId)?.tableId ?? null)
  return useMemo(
    () => ({ summary: summaryOfLevel({ records: shapes, people, session, votes }, level, language), session }),
    [shapes, people, session, votes, language, level],
  )
}
