import { describe, expect, it } from 'vitest'
import { shortenAtWord } from '../../../../shared/src/text/shortenAtWord'

describe('shortenAtWord', () => {
  it('keeps a text that fits, on one line', () => {
    expect(shortenAtWord('  Public   value\n', 60)).toBe('Public value')
  })
  it('cuts a long text after the last whole word that fits, without trailing punctuation', () => {
    const title = 'Public Administration, NPM and managerial reforms in the European Union'
    const short = shortenAtWord(title, 30)
    expect(short).toBe('Public Administration, NPM…')
    expect(short.length).toBeLessThanOrEqual(30)
    expect(title.startsWith(short.slice(0, -1))).toBe(true)
  })
  it('cuts a single over-long word where it must', () => {
    expect(shortenAtWord('Donaudampfschifffahrtsgesellschaft', 10)).toBe('Donaudamp…')
  })
})
