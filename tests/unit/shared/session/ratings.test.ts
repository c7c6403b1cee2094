import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { RATINGS_ROOT } from '../../../../shared/src/doc/roots'
import { DEFAULT_CRITERIA } from '../../../../shared/src/session/criteria'
import {
  parseRatingKey,
  RATING_MESSAGE,
  ratingKey,
  ratingOf,
  setRating,
  summariseRatings,
  validateRating,
} from '../../../../shared/src/session/ratings'

const [RELEVANCE, FEASIBILITY, BALANCE] = DEFAULT_CRITERIA

const people = {
  prof1: { name: 'Paola', role: 'professional', colour: '#e03131' },
  prof2: { name: 'Piero', role: 'professional', colour: '#1971c2' },
  cit1: { name: 'Carla', role: 'citizen', colour: '#2f9e44' },
  stu1: { name: 'Sara', role: 'student', colour: '#f08c00' },
  odd: { name: 'Odd', role: 'alien', colour: '#000' },
}

describe('rating keys', () => {
  it('round-trip criteria containing slashes and colons', () => {
    for (const criterion of [RELEVANCE, 'Theory / practice', 'Cost: low']) {
      expect(parseRatingKey(ratingKey(criterion, 'stu1'))).toEqual({ criterion, personId: 'stu1' })
    }
    expect(() => ratingKey(FEASIBILITY, 'a/b')).toThrow(/person id/)
    expect(parseRatingKey('Feasibility')).toBeNull()
  })
})

describe('validateRating', () => {
  it('accepts whole numbers 1–5 and explains anything else', () => {
    for (const r of [1, 3, 5]) expect(validateRating(r)).toEqual({ ok: true, value: r })
    for (const bad of [0, 6, 2.5, '3', null, Number.NaN]) expect(validateRating(bad)).toEqual({ ok: false, message: RATING_MESSAGE })
    expect(RATING_MESSAGE).toBe('Choose a rating from 1 to 5')
  })
})

describe('summariseRatings', () => {
  const ratings = {
    [ratingKey(RELEVANCE, 'prof1')]: 4,
    [ratingKey(RELEVANCE, 'prof2')]: 2,
    [ratingKey(RELEVANCE, 'cit1')]: 5,
    [ratingKey(RELEVANCE, 'stu1')]: 5,
    [ratingKey(RELEVANCE, 'odd')]: 1,
    [ratingKey(RELEVANCE, 'ghost')]: 3,
    [ratingKey(FEASIBILITY, 'cit1')]: 7,
    [ratingKey(FEASIBILITY, 'stu1')]: 3,
    [ratingKey('A dropped criterion', 'stu1')]: 1,
  }

  it('gives average, count and distribution per criterion in the chosen order', () => {
    const summary = summariseRatings(ratings, people, DEFAULT_CRITERIA)
    expect(summary.map((s) => s.criterion)).toEqual([...DEFAULT_CRITERIA])
    expect(summary[0]).toMatchObject({ count: 6, average: 20 / 6, distribution: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 2 } })
    expect(summary[1]).toMatchObject({ count: 1, average: 3, distribution: { 1: 0, 2: 0, 3: 1, 4: 0, 5: 0 } })
    expect(summary[2]).toMatchObject({ count: 0, average: null, distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } })
  })

  it('averages by role; unknown people and roles count as unknown', () => {
    const [relevance, , balance] = summariseRatings(ratings, people, DEFAULT_CRITERIA)
    expect(relevance.byRole).toEqual({
      facilitator: { count: 0, average: null },
      professional: { count: 2, average: 3 },
      citizen: { count: 1, average: 5 },
      student: { count: 1, average: 5 },
      unknown: { count: 2, average: 2 },
    })
    expect(balance.byRole.professional).toEqual({ count: 0, average: null })
  })

  it('reads ratings written by two people at once into one doc', () => {
    const [a, b] = [new Y.Doc(), new Y.Doc()]
    setRating(a.getMap(RATINGS_ROOT), BALANCE, 'prof1', 2)
    setRating(b.getMap(RATINGS_ROOT), BALANCE, 'cit1', 4)
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    const plain = a.getMap(RATINGS_ROOT).toJSON()
    expect(ratingOf(plain, BALANCE, 'prof1')).toBe(2)
    expect(ratingOf(plain, BALANCE, 'stu1')).toBeNull()
    expect(summariseRatings(plain, people, [BALANCE])[0]).toMatchObject({ count: 2, average: 3 })
    expect(() => setRating(a.getMap(RATINGS_ROOT), BALANCE, 'prof1', 0)).toThrow(RATING_MESSAGE)
  })
})
