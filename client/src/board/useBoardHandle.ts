import { useEffect } from 'react'
import type { Editor } from 'tldraw'
import type * as Y from 'yjs'

// The open board's editor and document (and the person's private draft, when they have one) on
// `window.__tavolo`: how the e2e suite reads the canvas and acts as a modified client would
// (writing to a doc directly), and a handle for debugging from the console. Set in this one place
// by each screen that shows a board.

declare global {
  interface Window {
    __tavolo?: { editor: Editor; doc: Y.Doc; draft: Y.Doc | null }
  }
}

export function useBoardHandle(editor: Editor | null, doc: Y.Doc, draft: Y.Doc | null = null): void {
  useEffect(() => {
    if (!editor) return
    const handle = { editor, doc, draft }
    window.__tavolo = handle
    return () => {
      if (window.__tavolo === handle) delete window.__tavolo
    }
  }, [editor, doc, draft])
}
