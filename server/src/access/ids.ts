import { randomBytes } from 'node:crypto'

// 16 random bytes = 128 bits, written as 22 URL-safe base64url characters.
const ID_BYTES = 16
const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/

/** A new random id for a board or an asset. */
export function newRandomId(): string {
  return randomBytes(ID_BYTES).toString('base64url')
}

export function isWellFormedId(value: string): boolean {
  return ID_PATTERN.test(value)
}
