import { Result } from '@tldraw/utils'
import { T } from '@tldraw/validate'
import * as Y from 'yjs'
import { hasTemplate, seedBoardDoc } from '../../../shared/src/templates/index'
import type { CreatedBoard, NewBoardRequest } from '../../../shared/src/wire/api'
import { DEFAULT_BOARD_TITLE, DEFAULT_TEMPLATE_ID, MAX_TITLE_LENGTH } from '../../../shared/src/wire/limits'
import { defaultLanguage, type Language } from '../../../shared/src/i18n'
import { languageValidator } from '../../../shared/src/wire/language'
import { jsonObject, validateInput } from '../../../shared/src/wire/validation'
import { newRandomId } from '../access/ids'
import { deriveBoardSecrets } from '../access/secrets'
import type { BoardStorage } from '../storage/storage'

/** A board about to be stored: its title and template, checked. */
export interface NewBoard {
  title: string
  template: string
}

const newBoardRequest: T.Validatable<NewBoardRequest> = jsonObject(
  T.object({ title: T.string.optional(), template: T.string.optional(), language: languageValidator.optional() }),
)

/** The optional `{ title, template, language }` body of POST /api/boards, checked, or what is wrong with it. */
export function parseNewBoardRequest(body: unknown): Result<NewBoard & { language: Language }, string> {
  const checked = validateInput(newBoardRequest, body ?? {})
  if (!checked.ok) return checked
  const title = (checked.value.title ?? DEFAULT_BOARD_TITLE).trim()
  if (title.length === 0 || title.length > MAX_TITLE_LENGTH) return Result.err(`"title" must have 1 to ${MAX_TITLE_LENGTH} characters`)
  const template = checked.value.template ?? DEFAULT_TEMPLATE_ID
  if (!hasTemplate(template)) return Result.err(`unknown template "${template}" (see GET /api/templates)`)
  return Result.ok({ title, template, language: checked.value.language ?? defaultLanguage })
}

/**
 * Creates a board and stores its seeded document, so the template is written once by the
 * server and never by two first clients at the same time.
 */
export async function createBoard(storage: BoardStorage, serverKey: Buffer, board: NewBoard & { language: Language }): Promise<CreatedBoard> {
  const doc = new Y.Doc()
  seedBoardDoc(doc, { title: board.title, templateId: board.template, language: board.language })
  const snapshot = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return storeNewBoard(storage, serverKey, board, snapshot)
}

/** Gives a board its new id and secrets and stores its first state, for creation and import alike. */
export async function storeNewBoard(storage: BoardStorage, serverKey: Buffer, board: NewBoard, snapshot: Uint8Array): Promise<CreatedBoard> {
  const id = newRandomId()
  const secretGeneration = 0
  await storage.createBoard({ id, title: board.title, template: board.template, createdAt: Date.now(), secretGeneration }, snapshot)
  return { id, title: board.title, secrets: deriveBoardSecrets(serverKey, id, secretGeneration) }
}
