// The criteria participants rate the design on in phase 4, chosen by the facilitator.

import { T } from '@tldraw/validate'
import type { Catalogue } from '../i18n/catalogue'
import { en } from '../i18n/en'
import { expectDistinct } from '../wire/validation'

/** The criteria a new board starts with: those of its language's catalogue. */
export function catalogueCriteria(catalogue: Catalogue): string[] {
  return Object.values(catalogue.criteria)
}

/**
 * What a board that never stored its criteria (made before they were seeded) is rated on: the
 * English ones, the fallback catalogue's. Imported alone: the server's write rules read these, and
 * load without i18next and the other catalogues.
 */
export const DEFAULT_CRITERIA: readonly string[] = catalogueCriteria(en)

export const CRITERION_MAX_LENGTH = 80

/** A criterion name as the facilitator typed it, trimmed; null when empty or too long. */
export function cleanCriterion(input: string): string | null {
  const name = input.trim().replace(/\s+/g, ' ')
  return name.length > 0 && name.length <= CRITERION_MAX_LENGTH ? name : null
}

/** `session.criteria`: names as cleanCriterion leaves them, each once. */
export const storedCriteria: T.Validator<string[]> = T.arrayOf(
  T.string.check((name) => {
    if (cleanCriterion(name) !== name) throw new T.ValidationError(`Expected a trimmed name of 1 to ${CRITERION_MAX_LENGTH} characters, got ${name.length}`)
  }),
).check((names) => expectDistinct(names, 'criterion'))
