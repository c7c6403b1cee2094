import { createHmac, timingSafeEqual } from 'node:crypto'
import { ACCESS_ROLES, type AccessRole } from '../../../shared/src/roles'
import type { BoardSecrets } from '../../../shared/src/wire/api'


/** The roles whose links a rotation replaces: the shared ones, never the facilitator's own. */
export const ROTATED_ROLES: readonly AccessRole[] = ['editor', 'viewer']

/**
 * Secrets are derived, not stored: HMAC-SHA256(server key, board id, role, generation), 256 bits
 * in base64url. The facilitator can always get the links again, and bumping the generation
 * rotates the shared ones.
 */
export function deriveSecret(serverKey: Buffer, boardId: string, role: AccessRole, generation: number): string {
  return createHmac('sha256', serverKey).update(`${boardId}\n${role}\n${linkGeneration(role, generation)}`).digest('base64url')
}

/** The generation a role's link is at: the facilitator's link is never rotated. */
export function linkGeneration(role: AccessRole, boardGeneration: number): number {
  return ROTATED_ROLES.includes(role) ? boardGeneration : 0
}

export function deriveBoardSecrets(serverKey: Buffer, boardId: string, generation: number): BoardSecrets {
  return {
    facilitator: deriveSecret(serverKey, boardId, 'facilitator', generation),
    editor: deriveSecret(serverKey, boardId, 'editor', generation),
    viewer: deriveSecret(serverKey, boardId, 'viewer', generation),
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The role a secret grants on a board, or null. Compares every role in constant time. */
export function resolveRole(
  serverKey: Buffer,
  boardId: string,
  generation: number,
  secret: string | null | undefined,
): AccessRole | null {
  if (!secret) return null
  let role: AccessRole | null = null
  for (const candidate of ACCESS_ROLES) {
    if (sameSecret(secret, deriveSecret(serverKey, boardId, candidate, generation))) role = candidate
  }
  return role
}
