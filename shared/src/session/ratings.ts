import * as Y from 'yjs'
import { isObject } from '../board/shapeLike'
import { isPersonRole, PERSON_ROLES } from '../roles'
import type { ContributorRole } from '../summary/contributions'
import { parsePersonKey, personKey } from './personKey'

// Co-assessment: the `ratings` root maps `<criterion>/<person id>` to a whole number 1–5, one
// key per person and criterion. The summary shows averages and the distribution by role.

export type Rating = 1 | 2 | 3 | 4 | 5
export const RATINGS: readonly Rating[] = [1, 2, 3, 4, 5]

export const RATING_MESSAGE = 'Choose a rating from 1 to 5'

/** The plain `ratings` root (`map.toJSON()`). */
export type PlainRatings = Readonly<Record<string, unknown>>

export interface RatingKey {
  criterion: string
  personId: string
}

export interface RatingAverage {
  count: number
  /** Null when nobody rated. */
  average: number | null
}

export interface CriterionSummary extends RatingAverage {
  criterion: string
  /** How many people gave each rating. */
  distribution: Record<Rating, number>
  /** People missing from `people`, or with a role this version does not know, count as `unknown`. */
  byRole: Record<ContributorRole, RatingAverage>
}

export function isRating(value: unknown): value is Rating {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5
}

export function validateRating(value: unknown): { ok: true; value: Rating } | { ok: false; message: string } {
  return isRating(value) ? { ok: true, value } : { ok: false, message: RATING_MESSAGE }
}

export function ratingKey(criterion: string, personId: string): string {
  return personKey(criterion, personId)
}

export function parseRatingKey(key: string): RatingKey | null {
  const parts = parsePersonKey(key)
  return parts && { criterion: parts.subject, personId: parts.personId }
}

/** Writes one person's rating of one criterion in their own key; throws RATING_MESSAGE when invalid. */
export function setRating(ratings: Y.Map<unknown>, criterion: string, personId: string, value: number): void {
  if (!isRating(value)) throw new Error(RATING_MESSAGE)
  ratings.set(ratingKey(criterion, personId), value)
}

/** One person's rating of a criterion, or null. */
export function ratingOf(ratings: PlainRatings, criterion: string, personId: string): Rating | null {
  const key = ratingKey(criterion, personId)
  const value = Object.hasOwn(ratings, key) ? ratings[key] : undefined
  return isRating(value) ? value : null
}

/**
 * Per criterion, in the order of `criteria`: average, count, distribution and average by role.
 * Ratings of criteria not in the list and invalid values are left out.
 */
export function summariseRatings(
  ratings: PlainRatings,
  people: Readonly<Record<string, unknown>>,
  criteria: readonly string[],
): CriterionSummary[] {
  const byCriterion = new Map<string, Array<{ rating: Rating; role: ContributorRole }>>()
  for (const [key, value] of Object.entries(ratings)) {
    const parsed = parseRatingKey(key)
    if (!parsed || !isRating(value)) continue
    const list = byCriterion.get(parsed.criterion) ?? []
    list.push({ rating: value, role: roleOf(people, parsed.personId) })
    byCriterion.set(parsed.criterion, list)
  }
  return [...new Set(criteria)].map((criterion) => {
    const given = byCriterion.get(criterion) ?? []
    const distribution = Object.fromEntries(RATINGS.map((r) => [r, given.filter((g) => g.rating === r).length])) as Record<Rating, number>
    const byRole = Object.fromEntries(
      [...PERSON_ROLES, 'unknown' as const].map((role) => [role, average(given.filter((g) => g.role === role).map((g) => g.rating))]),
    ) as Record<ContributorRole, RatingAverage>
    return { criterion, ...average(given.map((g) => g.rating)), distribution, byRole }
  })
}

function average(values: readonly number[]): RatingAverage {
  if (values.length === 0) return { count: 0, average: null }
  return { count: values.length, average: values.reduce((a, b) => a + b, 0) / values.length }
}

function roleOf(people: Readonly<Record<string, unknown>>, personId: string): ContributorRole {
  const person = Object.hasOwn(people, personId) ? people[personId] : undefined
  return isObject(person) && isPersonRole(person.role) ? person.role : 'unknown'
}
