import { describe, expect, it } from 'vitest'
import { participantsOf, readPeople } from '../../../../shared/src/doc/people'
import { PARTICIPANT_ROLES, PERSON_ROLES } from '../../../../shared/src/roles'

// Who takes part: the tables seat them, the ballots and totals count them by role; the
// facilitator runs the workshop and is none of these.

describe('participantsOf', () => {
  it('is everyone but the facilitator, each with their id; a role an older client left out still takes part', () => {
    const people = readPeople({
      fran: { name: 'Fran', role: 'facilitator', colour: '#000000' },
      anna: { name: 'Anna', role: 'professional', colour: '#e03131' },
      old: { name: 'Old client', colour: '#1971c2' },
    })
    expect(participantsOf(people)).toEqual([
      { personId: 'anna', name: 'Anna', role: 'professional', colour: '#e03131' },
      { personId: 'old', name: 'Old client', role: '', colour: '#1971c2' },
    ])
  })

  it('PARTICIPANT_ROLES are the person roles but the facilitator, in the same order', () => {
    expect(PERSON_ROLES.filter((role) => role !== 'facilitator')).toEqual([...PARTICIPANT_ROLES])
  })
})
