import { T } from '@tldraw/validate'

// Number fields are typed by people into a card: parsing returns either a clean value or the
// message the card shows next to the field, so nonsense is never stored silently.

export const HOURS_MESSAGE = 'Hours must be a number, 0 or more, in steps of 0.5'
export const WEIGHT_MESSAGE = 'Weight must be a whole number from 0 to 100'

export type FieldParse<V> = { ok: true; value: V } | { ok: false; message: string }

export function isValidHours(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && Number.isInteger(value * 2)
}

export function isValidWeight(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100
}

/** Reads a typed number: accepts a decimal comma ("2,5") as well as a point; blank is not a number. */
function readNumber(input: unknown): number | null {
  if (typeof input === 'number') return input
  if (typeof input !== 'string') return null
  const text = input.trim().replace(',', '.')
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return null
  return Number(text)
}

export function parseHours(input: unknown): FieldParse<number> {
  const value = readNumber(input)
  return isValidHours(value) ? { ok: true, value } : { ok: false, message: HOURS_MESSAGE }
}

export function parseWeight(input: unknown): FieldParse<number> {
  const value = readNumber(input)
  return isValidWeight(value) ? { ok: true, value } : { ok: false, message: WEIGHT_MESSAGE }
}

/** The message to show for a typed hours value, or null when it is fine. */
export function validateHours(input: unknown): string | null {
  const parsed = parseHours(input)
  return parsed.ok ? null : parsed.message
}

/** The message to show for a typed exam weight, or null when it is fine. */
export function validateWeight(input: unknown): string | null {
  const parsed = parseWeight(input)
  return parsed.ok ? null : parsed.message
}

function checked(isValid: (value: number) => boolean, message: string) {
  return T.number.check((value) => {
    if (!isValid(value)) throw new Error(message)
  })
}

/** tldraw props validator for hours: ≥ 0 in steps of 0.5. */
export const hoursValidator = checked(isValidHours, HOURS_MESSAGE)
/** tldraw props validator for an exam weight: an integer 0–100. */
export const weightValidator = checked(isValidWeight, WEIGHT_MESSAGE)
