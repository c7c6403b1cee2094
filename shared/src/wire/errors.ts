// Every error answer of the HTTP API carries a stable machine key, `code`, beside the English
// `error` sentence: the browser words the error in its own language from the code (the
// catalogue's `serverErrors.<code>`, filled with `params`), scripts can branch on it, and
// `error` stays as the fallback and the detail.

export const API_ERROR_CODES = [
  /** 400 with no more specific code; `error` says what is wrong. */
  'bad-request',
  'malformed-json',
  'unsupported-media-type',
  'secret-missing',
  'secret-invalid',
  'board-not-found',
  /** The link's role may not do this (read or replace the links, export the cards or board file). */
  'facilitator-only',
  'viewer-read-only',
  'not-found',
  'method-not-allowed',
  /** `params.limit`: the most bytes the server reads. */
  'too-large',
  /** `params.seconds`: when to try again. */
  'rate-limited',
  /** Not JSON, or JSON that is not a board file (a photo, a CSV, another program's file). */
  'board-file-not-tavolo',
  /** `params.size`, `params.max`: the file's size and the largest allowed, as text. */
  'board-file-too-large',
  'board-file-too-new',
  'board-file-too-old',
  /** `error` names what is damaged. */
  'board-file-damaged',
  /** Another instance kept the board's drafts' reveal past the wait: nothing was revealed. */
  'reveal-busy',
  'internal',
] as const
export type ApiErrorCode = (typeof API_ERROR_CODES)[number]

/** Values an error's message is filled with. */
export type ApiErrorParams = Record<string, string | number>

/** The body of every 4xx/5xx answer. */
export interface ApiErrorBody {
  /** What went wrong, in English: the fallback wording and the detail. */
  error: string
  code: ApiErrorCode
  params?: ApiErrorParams
}

export function isApiErrorCode(value: unknown): value is ApiErrorCode {
  return typeof value === 'string' && (API_ERROR_CODES as readonly string[]).includes(value)
}

/** The code of an error answered without a more specific one, from its HTTP status. */
export function errorCodeForStatus(status: number): ApiErrorCode {
  const byStatus: Record<number, ApiErrorCode> = {
    400: 'bad-request',
    401: 'secret-missing',
    403: 'facilitator-only',
    404: 'not-found',
    405: 'method-not-allowed',
    413: 'too-large',
    415: 'unsupported-media-type',
    429: 'rate-limited',
  }
  return byStatus[status] ?? 'internal'
}
