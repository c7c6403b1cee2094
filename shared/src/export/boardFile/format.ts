import type { TLRecord } from '@tldraw/tlschema'
import type { SerializedSchema } from '@tldraw/store'
import type { BoardDocContent } from '../../doc/readBoardDoc'
import type { ApiErrorCode, ApiErrorParams } from '../../wire/errors'

// The board file: a whole board as JSON, to keep or to restore as a new board. This file is its
// layout; parser.ts reads one (checking everything before anything is written), writer.ts makes
// one and writes one into a new board's document, upgrades.ts brings older layouts up to date.

export const BOARD_FILE_KIND = 'tavolo-board'
/** The largest board file an import accepts (413 beyond). */
export const BOARD_FILE_MAX_BYTES = 10 * 1024 * 1024

/** The file carries the document's per-person and session roots as `readBoardDoc` reads them. */
export interface BoardFile extends Pick<BoardDocContent, 'session' | 'people' | 'votes' | 'ratings' | 'budgets' | 'seatPicks'> {
  kind: typeof BOARD_FILE_KIND
  formatVersion: number
  /** ISO 8601. */
  exportedAt: string
  title: string
  /** The template the board started from, null when unknown. */
  template: string | null
  /** The tldraw store schema the records were written with. */
  schema: SerializedSchema
  records: TLRecord[]
}

/** Why a file was refused: the English sentence, and the code and values a client words it from. */
export interface BoardFileRefusal {
  ok: false
  error: string
  code: Extract<ApiErrorCode, `board-file-${string}`>
  params?: ApiErrorParams
}

export type BoardFileParse = { ok: true; file: BoardFile } | BoardFileRefusal

/** "12.3 MB" or "240 KB", for messages about file sizes. */
export function sizeText(bytes: number): string {
  const MB = 1024 * 1024
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`
}
