import { describe, expect, it } from 'vitest'
import { catalogues, languages, pickLanguage, translatorFor } from '../../../../shared/src/i18n'

/** Every leaf of a catalogue as [dotted key, value]. */
function leaves(node: unknown, prefix = ''): [string, unknown][] {
  if (typeof node !== 'object' || node === null) return [[prefix, node]]
  return Object.entries(node).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort()

describe('catalogues', () => {
  const english = new Map(leaves(catalogues.en))

  it.each(languages)('%s has exactly the English keys', (language) => {
    expect(leaves(catalogues[language]).map(([k]) => k).sort()).toEqual([...english.keys()].sort())
  })

  it.each(languages)('%s has a non-empty string for every key', (language) => {
    const bad = leaves(catalogues[language]).filter(([, v]) => typeof v !== 'string' || v.trim() === '')
    expect(bad).toEqual([])
  })

  it.each(languages)('%s uses the same {{placeholders}} as English in every string', (language) => {
    const mismatched = leaves(catalogues[language]).filter(
      ([k, v]) => placeholders(String(v)).join() !== placeholders(String(english.get(k))).join(),
    )
    expect(mismatched).toEqual([])
  })
})

describe('pickLanguage', () => {
  it('takes the first preferred language we have, by its primary subtag', () => {
    expect(pickLanguage(['it-IT', 'en-GB'])).toBe('it')
    expect(pickLanguage(['de-DE', 'IT', 'en'])).toBe('it')
    expect(pickLanguage(['en-US', 'it'])).toBe('en')
  })
  it('falls back to English', () => {
    expect(pickLanguage(['de', 'fr-CH'])).toBe('en')
    expect(pickLanguage([])).toBe('en')
  })
})

describe('translatorFor', () => {
  it('translates and interpolates in the language asked for, without HTML escaping', () => {
    expect(translatorFor('it')('home.forgetWorkshop', { title: 'A & <B>' })).toBe('Dimentica A & <B>')
    expect(translatorFor('en')('home.forgetWorkshop', { title: 'A & <B>' })).toBe('Forget A & <B>')
  })
})
