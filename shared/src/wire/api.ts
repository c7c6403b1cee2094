import type { AccessRole, PersonRole } from '../roles'
import type { Language } from '../i18n'

// The HTTP API's request and response bodies, one type per endpoint, shared by the server that
// sends them and the client that reads them. Every error answer is `ApiErrorBody` (errors.ts) with a 4xx/5xx.

/** The path the relay listens on: `${WEBSOCKET_PATH}/<boardId>?${SECRET_PARAM}=<secret>`. */
export const WEBSOCKET_PATH = '/ws'
/** The query parameter carrying the secret on the websocket URL (HTTP calls use a Bearer header). */
export const SECRET_PARAM = 'k'
/** The query parameter carrying the person token on the websocket URL (from POST /api/boards/:id/people). */
export const PERSON_TOKEN_PARAM = 'p'

/** One secret per access role; the facilitator's never changes, the other two rotate. */
export type BoardSecrets = Record<AccessRole, string>

/** POST /api/boards (every field optional). */
export interface NewBoardRequest {
  title?: string
  template?: string
  /** The language of the template's zones, starter cards and rating criteria; English by default. */
  language?: Language
}

/** 201 from POST /api/boards and POST /api/boards/import. */
export interface CreatedBoard {
  id: string
  title: string
  secrets: BoardSecrets
}

/** GET /api/boards/:id, with any of the board's secrets. */
export interface BoardInfo {
  id: string
  title: string
  role: AccessRole
}

/** GET /api/boards/:id/links and POST /api/boards/:id/links/rotate (facilitator only). */
export type BoardLinkSecrets = Pick<BoardSecrets, 'editor' | 'viewer'>

/** One entry of GET /api/templates, in the order the home page lists them. */
export interface TemplateSummary {
  id: string
  title: string
  description: string
}

/** GET /api/config: settings the client reads at run time. */
export interface ClientConfig {
  tldrawLicenseKey: string | null
}

/** GET /api/time: the server's clock, the workshop timer's reference. */
export interface ServerTime {
  now: number
}

/** 201 from POST /api/boards/:id/assets. */
export interface UploadedAsset {
  url: string
}

/** 200 from GET /healthz: the process is alive, with what it holds. */
export interface HealthStatus {
  ok: true
  loadedRooms: number
  connections: number
}

/** POST /api/boards/:id/people, with any of the board's secrets: a person joins through that link. */
export interface JoinBoardRequest {
  name: string
  role: PersonRole
}

/** 201 from POST /api/boards/:id/people: the server-made person id and the token proving it. */
export interface JoinBoardResponse {
  personId: string
  token: string
}

/** POST /api/boards/:id/drafting/reveal (facilitator): every draft's cards are moved onto the board. */
export const REVEAL_DRAFTS_PATH = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}/drafting/reveal`

/** 200 from the reveal: how many cards came onto the board, from how many people. */
export interface RevealedDrafts {
  cards: number
  people: number
}
