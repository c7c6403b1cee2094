import { describe, expect, it } from 'vitest'
import { decodeCachedBoardInfo } from '../../../../client/src/offline/boardInfoCache'

// Browser storage is input from outside: a bad saved value is ignored with a reason, never trusted.

describe("a board link's saved details (browser storage)", () => {
  const saved = { info: { id: 'b1', title: 'Workshop', role: 'viewer' }, licenseKey: null }

  it('reads back what was saved', () => {
    expect(decodeCachedBoardInfo(JSON.stringify(saved))).toEqual({ ok: true, value: saved })
  })

  it('says what is wrong with anything else', () => {
    expect(decodeCachedBoardInfo('{')).toEqual({ ok: false, error: 'it is not JSON' })
    expect(decodeCachedBoardInfo(JSON.stringify({ ...saved, info: { ...saved.info, title: null } }))).toEqual({
      ok: false,
      error: '"info.title": expected string, got null',
    })
    expect(decodeCachedBoardInfo(JSON.stringify({ info: saved.info }))).toEqual({ ok: false, error: '"licenseKey": expected string, got undefined' })
  })
})
