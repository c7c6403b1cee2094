import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SESSION_ROOT, VOTES_ROOT } from '../../../../shared/src/doc/roots'
import { readSession } from '../../../../shared/src/session/sessionState'
import { startVotingRound } from '../../../../shared/src/session/startVotingRound'
import {
  addDot,
  canRemoveDot,
  canVote,
  dotsLeft,
  dotsOnCard,
  dotsUsed,
  parseVoteKey,
  ranking,
  readDots,
  removeDot,
  tallyVotes,
  voteKey,
  votersByCard,
} from '../../../../shared/src/session/votes'
import {
  closeVotingRound,
  DEFAULT_VOTING_ROUND,
  DOTS_PER_PERSON_MESSAGE,
  openVotingRound,
  resultsVisible,
  revealVotingRound,
  zoneOpenForVoting,
} from '../../../../shared/src/session/votingRound'

const A = 'shape:card-a'
const B = 'shape:card-b'
const C = 'shape:card-c'

describe('vote keys', () => {
  it('round-trips card ids with colons and slashes, splitting on the last slash', () => {
    for (const cardId of ['shape:abc', 'shape:a:b', 'odd/id:1']) {
      expect(parseVoteKey(voteKey(cardId, 'person-1'))).toEqual({ cardId, personId: 'person-1' })
    }
    expect(voteKey('shape:abc', 'p1')).toBe('shape:abc/p1')
  })

  it('refuses a person id with a slash and empty parts', () => {
    expect(() => voteKey(A, 'a/b')).toThrow(/person id/)
    expect(() => voteKey(A, '')).toThrow(/person id/)
    expect(() => voteKey('', 'p1')).toThrow(/card id/)
  })

  it('does not parse keys without both parts', () => {
    for (const key of ['nokey', '/p1', 'shape:abc/', '']) expect(parseVoteKey(key)).toBeNull()
  })

  it('counts only positive whole numbers as dots', () => {
    expect([2, 0, -1, 1.5, '2', null, Number.NaN].map(readDots)).toEqual([2, 0, 0, 0, 0, 0, 0])
  })
})

describe('voting round', () => {
  it('opens with defaults, reveals, closes', () => {
    const open = openVotingRound({}, 'r1')
    expect(open).toEqual({ status: 'open', dotsPerPerson: 5, zoneIds: [], anonymous: false, roundId: 'r1' })
    expect(resultsVisible(open)).toBe(false)
    const revealed = revealVotingRound(open)
    expect(revealed.status).toBe('revealed')
    expect(resultsVisible(revealed)).toBe(true)
    expect(closeVotingRound(revealed).status).toBe('closed')
    expect(revealVotingRound(DEFAULT_VOTING_ROUND)).toBe(DEFAULT_VOTING_ROUND)
  })

  it('refuses a bad number of dots with a user-facing message', () => {
    for (const dots of [0, 2.5, 51, Number.NaN]) {
      expect(() => openVotingRound({ dotsPerPerson: dots }, 'r1')).toThrow(DOTS_PER_PERSON_MESSAGE)
    }
  })

  it('limits voting to chosen zones, or allows every card when none is chosen', () => {
    const all = openVotingRound({}, 'r1')
    expect(zoneOpenForVoting(all, null)).toBe(true)
    const some = openVotingRound({ zoneIds: ['shape:zone-1', 'shape:zone-1'] }, 'r1')
    expect(some.zoneIds).toEqual(['shape:zone-1'])
    expect(zoneOpenForVoting(some, 'shape:zone-1')).toBe(true)
    expect(zoneOpenForVoting(some, 'shape:zone-2')).toBe(false)
    expect(zoneOpenForVoting(some, null)).toBe(false)
  })

})

describe('dots', () => {
  const round = openVotingRound({ dotsPerPerson: 3, zoneIds: ['zone-1'] }, 'r1')
  const votes = { [voteKey(A, 'ann')]: 2, [voteKey(B, 'ann')]: 1, [voteKey(A, 'bob')]: 1, 'junk': 4, [voteKey(C, 'bob')]: 'x' }

  it('counts the dots a person used and has left', () => {
    expect(dotsUsed(votes, 'ann')).toBe(3)
    expect(dotsUsed(votes, 'bob')).toBe(1)
    expect(dotsLeft(votes, 'ann', round)).toBe(0)
    expect(dotsLeft(votes, 'bob', round)).toBe(2)
    expect(dotsLeft(votes, 'nobody', round)).toBe(3)
    expect(dotsOnCard(votes, A, 'ann')).toBe(2)
    expect(dotsOnCard(votes, C, 'bob')).toBe(0)
  })

  it('says why a person cannot vote', () => {
    expect(canVote({ round, votes, personId: 'bob', cardZoneId: 'zone-1' })).toEqual({ ok: true })
    expect(canVote({ round, votes, personId: 'ann', cardZoneId: 'zone-1' })).toMatchObject({ ok: false, reason: 'no-dots-left' })
    expect(canVote({ round, votes, personId: 'bob', cardZoneId: 'zone-2' })).toMatchObject({ ok: false, reason: 'zone-not-open' })
    expect(canVote({ round: revealVotingRound(round), votes, personId: 'bob', cardZoneId: 'zone-1' })).toMatchObject({
      ok: false,
      reason: 'round-not-open',
      message: 'Voting is not open.',
    })
  })

  it('lets a person take back only their own dots while the round is open', () => {
    expect(canRemoveDot({ round, votes, personId: 'ann', cardId: A })).toBe(true)
    expect(canRemoveDot({ round, votes, personId: 'bob', cardId: B })).toBe(false)
    expect(canRemoveDot({ round: revealVotingRound(round), votes, personId: 'ann', cardId: A })).toBe(false)
  })

  it('tallies per card, ignoring invalid entries', () => {
    expect(tallyVotes(votes)).toEqual(new Map([[A, 3], [B, 1]]))
  })
})

describe('ranking', () => {
  it('orders by dots, ties share a rank and keep the card order', () => {
    const votes = { [voteKey(A, 'p1')]: 2, [voteKey(B, 'p1')]: 3, [voteKey(C, 'p2')]: 3, [voteKey(A, 'p2')]: 1, [voteKey('shape:gone', 'p2')]: 9 }
    expect(ranking(votes, [A, B, C, 'shape:d', 'shape:e'])).toEqual([
      { cardId: A, dots: 3, rank: 1 },
      { cardId: B, dots: 3, rank: 1 },
      { cardId: C, dots: 3, rank: 1 },
      { cardId: 'shape:d', dots: 0, rank: 4 },
      { cardId: 'shape:e', dots: 0, rank: 4 },
    ])
    const votes2 = { ...votes, [voteKey(B, 'p3')]: 1 }
    expect(ranking(votes2, [A, B, C]).map((r) => [r.cardId, r.rank])).toEqual([[B, 1], [A, 2], [C, 2]])
  })

  it('shows who voted unless the round is anonymous', () => {
    const votes = { [voteKey(A, 'ann')]: 1, [voteKey(A, 'bob')]: 2, [voteKey(B, 'ann')]: 1 }
    expect(votersByCard(votes, openVotingRound({}, 'r1'))).toEqual(
      new Map([
        [A, [{ personId: 'bob', dots: 2 }, { personId: 'ann', dots: 1 }]],
        [B, [{ personId: 'ann', dots: 1 }]],
      ]),
    )
    expect(votersByCard(votes, openVotingRound({ anonymous: true }, 'r1'))).toBeNull()
  })
})

/** Two participants' docs, both synced with the board when the round opened. */
function twoParticipants() {
  const board = new Y.Doc()
  startVotingRound(board, openVotingRound({ dotsPerPerson: 5 }, 'r1'))
  const [ann, bob] = [new Y.Doc(), new Y.Doc()]
  for (const doc of [ann, bob]) Y.applyUpdate(doc, Y.encodeStateAsUpdate(board))
  const merge = () => {
    const fromAnn = Y.encodeStateAsUpdate(ann, Y.encodeStateVector(bob))
    const fromBob = Y.encodeStateAsUpdate(bob, Y.encodeStateVector(ann))
    Y.applyUpdate(bob, fromAnn)
    Y.applyUpdate(ann, fromBob)
  }
  return { board, ann, bob, merge }
}

describe('concurrent voters', () => {
  it('never overwrite each other: both dots on one card survive the merge', () => {
    const { ann, bob, merge } = twoParticipants()
    addDot(ann.getMap(VOTES_ROOT), A, 'ann')
    addDot(ann.getMap(VOTES_ROOT), A, 'ann')
    addDot(bob.getMap(VOTES_ROOT), A, 'bob')
    addDot(bob.getMap(VOTES_ROOT), B, 'bob')
    merge()
    for (const doc of [ann, bob]) {
      const votes = doc.getMap(VOTES_ROOT).toJSON()
      expect(votes).toEqual({ [voteKey(A, 'ann')]: 2, [voteKey(A, 'bob')]: 1, [voteKey(B, 'bob')]: 1 })
      expect(tallyVotes(votes).get(A)).toBe(3)
    }
  })

  it('a person removing a dot while another adds one keeps the other dot', () => {
    const { ann, bob, merge } = twoParticipants()
    addDot(ann.getMap(VOTES_ROOT), A, 'ann')
    merge()
    removeDot(ann.getMap(VOTES_ROOT), A, 'ann')
    addDot(bob.getMap(VOTES_ROOT), A, 'bob')
    merge()
    expect(ann.getMap(VOTES_ROOT).toJSON()).toEqual({ [voteKey(A, 'bob')]: 1 })
    expect(bob.getMap(VOTES_ROOT).toJSON()).toEqual(ann.getMap(VOTES_ROOT).toJSON())
  })

  it('removing a dot decrements and removes the key at zero', () => {
    const doc = new Y.Doc()
    const votes = doc.getMap<unknown>(VOTES_ROOT)
    addDot(votes, A, 'ann')
    addDot(votes, A, 'ann')
    removeDot(votes, A, 'ann')
    expect(votes.toJSON()).toEqual({ [voteKey(A, 'ann')]: 1 })
    removeDot(votes, A, 'ann')
    removeDot(votes, A, 'ann')
    expect(votes.size).toBe(0)
  })
})

describe('startVotingRound', () => {
  it('clears the previous round and writes the new one in one update', () => {
    const doc = new Y.Doc()
    startVotingRound(doc, openVotingRound({}, 'r1'))
    addDot(doc.getMap(VOTES_ROOT), A, 'ann')
    let updates = 0
    doc.on('update', () => updates++)
    startVotingRound(doc, openVotingRound({ dotsPerPerson: 2, anonymous: true }, 'r2'))
    expect(updates).toBe(1)
    expect(doc.getMap(VOTES_ROOT).size).toBe(0)
    expect(readSession(doc.getMap(SESSION_ROOT).toJSON()).voting).toEqual({
      status: 'open',
      dotsPerPerson: 2,
      zoneIds: [],
      anonymous: true,
      roundId: 'r2',
    })
  })

  it('refuses a round that is not open and leaves the votes', () => {
    const doc = new Y.Doc()
    addDot(doc.getMap(VOTES_ROOT), A, 'ann')
    expect(() => startVotingRound(doc, DEFAULT_VOTING_ROUND)).toThrow(/open round/)
    expect(() => startVotingRound(doc, { ...openVotingRound({}, 'r1'), dotsPerPerson: 0 })).toThrow(/Invalid value for session "voting"/)
    expect(doc.getMap(VOTES_ROOT).size).toBe(1)
  })
})
