import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { readBoardDoc } from '../../../shared/src/doc/readBoardDoc'
import { computeSummary, type DesignSummary } from '../../../shared/src/summary'
import type { Language } from '../../../shared/src/i18n'
import { useLanguage } from '../i18n/i18n'

// The live design summary of a board, from the same shared functions the exports use. It is
// recomputed at most once per animation frame, however many updates (a drag sends dozens) arrive.

export interface BoardSummary {
  summary: DesignSummary
  /** The plain `session` map it was computed with (targets, rules). */
  session: Record<string, unknown>
}

function compute(doc: Y.Doc, language: Language): BoardSummary {
  const content = readBoardDoc(doc)
  return { summary: computeSummary(content, language), session: content.session }
}

export function useDesignSummary(doc: Y.Doc): BoardSummary {
  const language = useLanguage()
  const [state, setState] = useState(() => compute(doc, language))
  useEffect(() => {
    let frame: number | null = null
    const schedule = () => {
      if (frame !== null) return
      frame = requestAnimationFrame(() => {
        frame = null
        setState(compute(doc, language))
      })
    }
    schedule()
    doc.on('update', schedule)
    return () => {
      doc.off('update', schedule)
      if (frame !== null) cancelAnimationFrame(frame)
    }
  }, [doc, language])
  return state
}
