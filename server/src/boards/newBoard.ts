import * as Y from 'yjs'
import { hasTemplate, seedBoardDoc } from '../../../shared/src/templates/index'
import { newRandomId } from '../access/ids'
import { deriveBoardSecrets, type BoardSecrets } from '../access/secrets'
import { HttpError } from '../http/respond'
import type { BoardStorage } from '../storage/storage'

export const DEFAULT_BOARD_TITLE = 'Untitled workshop'
export const DEFAULT_TEMPLATE_ID = 'blank'
export const MAX_TITLE_LENGTH = 200

export interface NewBoardRequest {
  title: string
  template: string
}

/** Checks the optional `{ title, template }` body of POST /api/boards; throws a 400 saying what is wrong. */
export function parseNewBoardRequest(body: unknown): NewBoardRequest {
  if (body === undefined) return { title: DEFAULT_BOARD_TITLE, template: DEFAULT_TEMPLATE_ID }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'the body must be a JSON object: { "title"?: string, "template"?: string }')
  }
  const { title, template, ...rest } = body as Record<string, unknown>
  const unknownFields = Object.keys(rest)
  if (unknownFields.length > 0) throw new HttpError(400, `unknown field(s): ${unknownFields.join(', ')}`)
  if (title !== undefined && typeof title !== 'string') throw new HttpError(400, '"title" must be a string')
  if (template !== undefined && typeof template !== 'string') throw new HttpError(400, '"template" must be a string')
  const cleanTitle = title === undefined ? DEFAULT_BOARD_TITLE : title.trim()
  if (cleanTitle.length === 0 || cleanTitle.length > MAX_TITLE_LENGTH) {
    throw new HttpError(400, `"title" must have 1 to ${MAX_TITLE_LENGTH} characters`)
  }
  const templateId = template ?? DEFAULT_TEMPLATE_ID
  if (!hasTemplate(templateId)) throw new HttpError(400, `unknown template "${templateId}" (see GET /api/templates)`)
  return { title: cleanTitle, template: templateId }
}

/**
 * Creates a board and stores its seeded document, so the template is written once by the
 * server and never by two first clients at the same time.
 */
export async function createBoard(
  storage: BoardStorage,
  serverKey: Buffer,
  request: NewBoardRequest,
): Promise<CreatedBoard> {
  const doc = new Y.Doc()
  seedBoardDoc(doc, { title: request.title, templateId: request.template })
  const snapshot = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return storeNewBoard(storage, serverKey, request, snapshot)
}

export interface CreatedBoard {
  id: string
  title: string
  secrets: BoardSecrets
}

/** Gives a board its new id and secrets and stores its first state, for creation and import alike. */
export async function storeNewBoard(
  storage: BoardStorage,
  serverKey: Buffer,
  board: NewBoardRequest,
  snapshot: Uint8Array,
): Promise<CreatedBoard> {
  const id = newRandomId()
  const secretGeneration = 0
  await storage.createBoard({ id, title: board.title, template: board.template, createdAt: Date.now(), secretGeneration }, snapshot)
  return { id, title: board.title, secrets: deriveBoardSecrets(serverKey, id, secretGeneration) }
}
