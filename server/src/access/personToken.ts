import { createHmac, timingSafeEqual } from 'node:crypto'
import type { AccessRole } from '../../../shared/src/roles'
import type { BoardRecord, BoardStorage, JoinedPerson } from '../storage/storage'
import { isWellFormedId } from './ids'
import { linkGeneration } from './secrets'

// A person token is `<person id>.<MAC>`, the MAC being HMAC-SHA256(server key) over the board, the
// person, the access role of the link they joined with and that link's generation. Nothing of it
// is stored: a rotation changes the generation and so invalidates every token of the old links.

const TOKEN_PATTERN = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/

function tokenMac(serverKey: Buffer, boardId: string, personId: string, role: AccessRole, generation: number): string {
  // The leading "person" keeps these MACs apart from the board secrets derived from the same key.
  return createHmac('sha256', serverKey)
    .update(`person\n${boardId}\n${personId}\n${role}\n${linkGeneration(role, generation)}`)
    .digest('base64url')
}

export function issuePersonToken(serverKey: Buffer, board: BoardRecord, personId: string, role: AccessRole): string {
  return `${personId}.${tokenMac(serverKey, board.id, personId, role, board.secretGeneration)}`
}

export type PersonTokenCheck = { ok: true; person: JoinedPerson } | { ok: false; reason: string }

/**
 * Whether `token` was issued for this board to a person who joined with a link of `role` (the role
 * the connection's secret grants) since the last rotation; with the person it names.
 */
export async function checkPersonToken(
  storage: BoardStorage,
  serverKey: Buffer,
  board: BoardRecord,
  role: AccessRole,
  token: string,
): Promise<PersonTokenCheck> {
  const match = TOKEN_PATTERN.exec(token)
  if (!match || !isWellFormedId(match[1])) return { ok: false, reason: 'malformed person token' }
  const [, personId, mac] = match
  const expected = Buffer.from(tokenMac(serverKey, board.id, personId, role, board.secretGeneration))
  if (!timingSafeEqual(Buffer.from(mac), expected)) {
    return { ok: false, reason: 'this person token does not belong to this board link: join the board again' }
  }
  const person = await storage.getPerson(board.id, personId)
  if (!person) return { ok: false, reason: 'unknown person: join the board again' }
  return { ok: true, person }
}
