import { Result } from '@tldraw/utils'
import { T } from '@tldraw/validate'

// Input from outside (request bodies, files, settings, browser storage) is checked with
// @tldraw/validate, the library the card props use, and turned into one readable sentence.

/** `object` (a `T.object`) refusing arrays too, which `T.object` alone lets through. */
export function jsonObject<V extends object>(object: T.Validatable<V>): T.Validator<V> {
  return new T.Validator((value) => {
    if (Array.isArray(value)) throw new T.ValidationError('Expected object, got an array')
    return object.validate(value)
  })
}

/**
 * A dict as read: each entry checked by `key` and `value`, the validators of its strict form
 * (`T.dict(key, value)`), and an entry either refuses dropped, so one bad entry does not cost the rest.
 */
export function validEntries<V>(key: T.Validator<string>, value: T.Validatable<V>): T.Validator<Record<string, V>> {
  return jsonObject(T.dict(T.string, T.unknown)).refine((entries) =>
    Object.fromEntries(
      Object.entries(entries).flatMap(([k, v]): [string, V][] => {
        const read = validateInput(value, v)
        return key.isValid(k) && read.ok ? [[k, read.value]] : []
      }),
    ),
  )
}

/**
 * `value` checked by `validator`, or what is wrong with it, naming the field (`"title": …`);
 * `at` is where `value` sits in a larger input (`['session', 'voting']`).
 */
export function validateInput<V>(validator: T.Validatable<V>, value: unknown, at: readonly (string | number)[] = []): Result<V, string> {
  try {
    return Result.ok(validator.validate(value))
  } catch (error) {
    if (!(error instanceof T.ValidationError)) throw error
    return Result.err(`${fieldPrefix([...at, ...error.path])}${lowerFirst(error.rawMessage)}`)
  }
}

/** `"session.voting": `, naming where in the input a problem is; nothing for the input itself. */
export function fieldPrefix(path: readonly (string | number)[]): string {
  return path.length > 0 ? `"${path.join('.')}": ` : ''
}

/**
 * The deepest nesting of arrays and objects a value may have, in an imported board file (400
 * beyond) or written to a live board (4403): far more than any board holds (rich text's nested
 * lists included), far less than would overflow the stack in the readers that recurse.
 */
export const MAX_NESTING_DEPTH = 256

/** Why a value nested deeper than MAX_NESTING_DEPTH is refused, naming where it is when known. */
export function nestedTooDeep(path: readonly (string | number)[]): string {
  return `${path.length > 0 ? fieldPrefix(path) : 'a value '}nested more than ${MAX_NESTING_DEPTH} levels deep`
}

/**
 * The path to the first array or object in `value` nested more than `maxDepth` levels deep, or
 * null. Walked without recursion: a hostile input nested thousands deep is what it looks for.
 */
export function pathDeeperThan(value: unknown, maxDepth: number): string[] | null {
  if (value === null || typeof value !== 'object') return null
  const open: { entries: [string, unknown][]; next: number }[] = [{ entries: Object.entries(value), next: 0 }]
  while (open.length > 0) {
    const top = open[open.length - 1]
    if (top.next === top.entries.length) {
      open.pop()
      continue
    }
    const child = top.entries[top.next++][1]
    if (child === null || typeof child !== 'object') continue
    if (open.length === maxDepth) return open.map(({ entries, next }) => entries[next - 1][0])
    open.push({ entries: Object.entries(child), next: 0 })
  }
  return null
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1)

/** The longest id a stored value names (a table, card, zone, person or round): generated ones are far shorter. */
export const MAX_ID_LENGTH = 64

/** An id inside a stored value: 1 to MAX_ID_LENGTH characters. */
export const storedId = T.string.check((id) => {
  if (id.length === 0 || id.length > MAX_ID_LENGTH) throw new T.ValidationError(`Expected an id of 1 to ${MAX_ID_LENGTH} characters, got ${id.length}`)
})

/** Throws (in a validator's check) when `values` hold one twice. */
export function expectDistinct(values: readonly string[], what: string): void {
  if (new Set(values).size !== values.length) throw new T.ValidationError(`Expected each ${what} once`)
}
