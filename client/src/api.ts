import type { ExportFormat } from '../../shared/src/export/exportFormats'
import type { Language } from '../../shared/src/i18n'
import { LANGUAGE_PARAM } from '../../shared/src/wire/language'
import { i18next } from './i18n/i18n'
import { serverErrorText } from '../../shared/src/i18n/serverError'
import type { ApiErrorBody } from '../../shared/src/wire/errors'
import type {
  BoardInfo,
  BoardLinkSecrets,
  ClientConfig,
  CreatedBoard,
  JoinBoardRequest,
  JoinBoardResponse,
  NewBoardRequest,
  RevealedDrafts,
  ServerTime,
  TemplateSummary,
  UploadedAsset,
} from '../../shared/src/wire/api'
import { REVEAL_DRAFTS_PATH } from '../../shared/src/wire/api'

// Typed wrappers over the server's HTTP API. Every failure becomes an ApiError whose message a
// person can read; `status` is 0 when the server could not be reached at all.

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export type { BoardInfo, BoardLinkSecrets, CreatedBoard, TemplateSummary } from '../../shared/src/wire/api'

/** The server's refusal in the UI's language (by its code), else its own text. */
async function readErrorMessage(response: Response): Promise<string> {
  const text = await response.text().catch(() => '')
  try {
    const body = JSON.parse(text) as Partial<ApiErrorBody>
    const localized = serverErrorText(i18next.t, body)
    if (localized !== null) return localized
    if (typeof body.error === 'string') return body.error
  } catch {
    // not JSON: fall through to the raw text
  }
  return text.trim() || i18next.t('errors.serverAnswered', { status: `${response.status} ${response.statusText}`.trim() })
}

/** The server's successful response; any failure is an ApiError. */
async function send(path: string, init: RequestInit = {}, secret?: string): Promise<Response> {
  const headers = new Headers(init.headers)
  if (secret) headers.set('Authorization', `Bearer ${secret}`)
  let response: Response
  try {
    response = await fetch(path, { ...init, headers })
  } catch {
    throw new ApiError(i18next.t('errors.unreachable'), 0)
  }
  if (!response.ok) throw new ApiError(await readErrorMessage(response), response.status)
  return response
}

async function request<T>(path: string, init: RequestInit = {}, secret?: string): Promise<T> {
  return (await (await send(path, init, secret)).json()) as T
}

// The server refuses every POST but an image upload unless it declares a JSON body.
const JSON_BODY = { 'Content-Type': 'application/json' }

export function createBoard(input: NewBoardRequest): Promise<CreatedBoard> {
  return request('/api/boards', {
    method: 'POST',
    headers: JSON_BODY,
    body: JSON.stringify(input),
  })
}

export function getBoard(boardId: string, secret: string): Promise<BoardInfo> {
  return request(`/api/boards/${encodeURIComponent(boardId)}`, {}, secret)
}

/** POST /api/boards/:id/people: joins the board through this link as a new person. */
export function joinBoard(boardId: string, secret: string, person: JoinBoardRequest): Promise<JoinBoardResponse> {
  return request(`/api/boards/${encodeURIComponent(boardId)}/people`, { method: 'POST', headers: JSON_BODY, body: JSON.stringify(person) }, secret)
}

export function getBoardLinkSecrets(boardId: string, facilitatorSecret: string): Promise<BoardLinkSecrets> {
  return request(`/api/boards/${encodeURIComponent(boardId)}/links`, {}, facilitatorSecret)
}

export function rotateBoardLinkSecrets(boardId: string, facilitatorSecret: string): Promise<BoardLinkSecrets> {
  return request(`/api/boards/${encodeURIComponent(boardId)}/links/rotate`, { method: 'POST', headers: JSON_BODY }, facilitatorSecret)
}

/** The facilitator reveals the drafting round: every draft's cards move onto the board. */
export function revealDrafts(boardId: string, facilitatorSecret: string): Promise<RevealedDrafts> {
  return request(REVEAL_DRAFTS_PATH(boardId), { method: 'POST', headers: JSON_BODY, body: '{}' }, facilitatorSecret)
}

/** The templates with their titles and descriptions in `language`. */
export function listTemplates(language: Language): Promise<TemplateSummary[]> {
  return request(`/api/templates?${new URLSearchParams({ [LANGUAGE_PARAM]: language })}`)
}

export function getClientConfig(): Promise<ClientConfig> {
  return request('/api/config')
}

/** The server's clock now; never cached, so each call is a fresh sample. */
export function getServerTime(signal?: AbortSignal): Promise<ServerTime> {
  return request('/api/time', { cache: 'no-store', signal })
}

export function uploadAsset(boardId: string, secret: string, file: Blob): Promise<UploadedAsset> {
  return request(
    `/api/boards/${encodeURIComponent(boardId)}/assets`,
    { method: 'POST', headers: { 'Content-Type': file.type || 'application/octet-stream' }, body: file },
    secret,
  )
}

/** A server export (programme, cards, board file) as a file, its words in `language`; the secret travels in a header, never in the URL. */
export async function fetchBoardExport(
  boardId: string,
  secret: string,
  format: ExportFormat,
  language: Language,
): Promise<{ blob: Blob; fileName: string | null }> {
  const query = new URLSearchParams({ [LANGUAGE_PARAM]: language })
  const response = await send(`/api/boards/${encodeURIComponent(boardId)}/export.${format}?${query}`, {}, secret)
  const disposition = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')
  return { blob: await response.blob(), fileName: disposition ? disposition[1] : null }
}

/** POST /api/boards/import: a board file becomes a new board, with new secrets. */
export function importBoardFile(file: Blob): Promise<CreatedBoard> {
  return request('/api/boards/import', { method: 'POST', headers: JSON_BODY, body: file })
}

/** A message for a person, whatever was thrown. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
