// The criteria participants rate the design on in phase 4, chosen by the facilitator.

import { catalogues, defaultLanguage, type Language } from '../i18n'

/** The criteria a new board starts with, in its language (the catalogue's `criteria`). */
export function defaultCriteria(language: Language): string[] {
  return Object.values(catalogues[language].criteria)
}

/** What a board that never stored its criteria (made before they were seeded) is rated on. */
export const DEFAULT_CRITERIA: readonly string[] = defaultCriteria(defaultLanguage)

export const CRITERION_MAX_LENGTH = 80

/** A criterion name as the facilitator typed it, trimmed; null when empty or too long. */
export function cleanCriterion(input: string): string | null {
  const name = input.trim().replace(/\s+/g, ' ')
  return name.length > 0 && name.length <= CRITERION_MAX_LENGTH ? name : null
}

/** The stored criteria: valid names, first occurrence of each; undefined when not a list. */
export function readCriteria(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined
  const names = value.filter((v): v is string => typeof v === 'string').map(cleanCriterion)
  return [...new Set(names.filter((name): name is string => name !== null))]
}
