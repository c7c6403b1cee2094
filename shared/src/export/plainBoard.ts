import type { BoardDocContent } from '../doc/readBoardDoc'

/** What every exporter reads: the plain snapshot `readBoardDoc(doc)` makes of a board's Y.Doc. */
export type PlainBoard = BoardDocContent
