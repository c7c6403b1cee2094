// The criteria participants rate the design on in phase 4, chosen by the facilitator.

export const DEFAULT_CRITERIA: readonly string[] = ['Relevance for students', 'Feasibility', 'Balance of theory and practice']

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
