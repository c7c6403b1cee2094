import { Result } from '@tldraw/utils'
import { T } from '@tldraw/validate'
import { fieldPrefix } from './fieldPaths'

// Input from outside (request bodies, files, browser storage) is checked with @tldraw/validate, the
// library the card props use, and turned into one readable sentence. The server's settings are the
// exception: read at start, which loads no validation library, by config.ts's small parsers.

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

/**
 * The query parameter `name` read by `validator`, `absent` when the query has none, or what is wrong,
 * saying it must be `expected` ("0 or 1").
 */
export function queryChoice<V>(query: URLSearchParams, name: string, validator: T.Validatable<V>, absent: V, expected: string): Result<V, string> {
  const value = query.get(name)
  if (value === null) return Result.ok(absent)
  const checked = validateInput(validator, value)
  return checked.ok ? checked : Result.err(`"${name}" must be ${expected}; got "${value}"`)
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
