import { describe, expect, it } from 'vitest'
import { boardLink, joinLink, parseBoardLink, projectorLink } from '../../../../shared/src/session/joinLink'

const ORIGIN = 'http://192.168.1.20:8080'
const BOARD = 'AbCdEfGhIjKlMnOpQrSt_-'
const SECRET = 'x8Kq-_Zz09yYwWvV1234567890abcdefghijklmnopq'

describe('board links', () => {
  it('builds the join and projector links', () => {
    expect(joinLink(ORIGIN, BOARD, SECRET)).toBe(`${ORIGIN}/b/${BOARD}#k=${SECRET}`)
    expect(projectorLink(`${ORIGIN}/`, BOARD, SECRET)).toBe(`${ORIGIN}/b/${BOARD}/present#k=${SECRET}`)
    expect(projectorLink(ORIGIN, BOARD, SECRET, 'join+key')).toBe(`${ORIGIN}/b/${BOARD}/present#k=${SECRET}&j=join%2Bkey`)
  })

  it('round-trips both views, and a secret that needs escaping', () => {
    for (const view of ['board', 'present'] as const) {
      for (const secret of [SECRET, 'a b&c=d#e']) {
        expect(parseBoardLink(boardLink(ORIGIN, BOARD, secret, view), ORIGIN)).toEqual({ ok: true, origin: ORIGIN, boardId: BOARD, secret, view })
      }
    }
  })

  it('accepts a pasted path or spaces around the link', () => {
    expect(parseBoardLink(`  /b/${BOARD}/#k=${SECRET}\n`, ORIGIN)).toMatchObject({ ok: true, boardId: BOARD, view: 'board' })
  })

  it('refuses other links with a message saying what is wrong', () => {
    expect(parseBoardLink('', ORIGIN)).toEqual({ ok: false, error: 'empty' })
    expect(parseBoardLink('http://[bad', ORIGIN)).toEqual({ ok: false, error: 'not-a-board-link' })
    expect(parseBoardLink(`${ORIGIN}/x/${BOARD}#k=${SECRET}`, ORIGIN)).toEqual({ ok: false, error: 'not-a-board-link' })
    expect(parseBoardLink(`${ORIGIN}/b/${BOARD}/edit#k=${SECRET}`, ORIGIN)).toMatchObject({ ok: false })
    expect(parseBoardLink(`https://tavolo.example/b/${BOARD}#k=${SECRET}`, ORIGIN)).toMatchObject({
      ok: false,
      error: 'other-server',
      host: 'tavolo.example',
    })
    expect(parseBoardLink(`${ORIGIN}/b/${BOARD}`, ORIGIN)).toEqual({ ok: false, error: 'no-secret' })
  })

  it('refuses to build a link from a bad board id, secret or origin', () => {
    expect(() => joinLink(ORIGIN, 'a/b', SECRET)).toThrow(/board id/)
    expect(() => joinLink(ORIGIN, BOARD, '')).toThrow(/secret/)
    expect(() => joinLink('not an origin', BOARD, SECRET)).toThrow()
  })
})
