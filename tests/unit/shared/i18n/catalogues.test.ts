import { describe, expect, it } from 'vitest'
import { CARD_TYPES } from '../../../../shared/src/cards/cardTypes'
import { catalogues, languages, pickLanguage, translatorFor } from '../../../../shared/src/i18n'
import { PERSON_ROLES } from '../../../../shared/src/roles'

/** Every leaf of a catalogue as [dotted key, value]. */
function leaves(node: unknown, prefix = ''): [string, unknown][] {
  if (typeof node !== 'object' || node === null) return [[prefix, node]]
  return Object.entries(node).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort()

/** The plural forms i18next looks up in `language` (Intl.PluralRules: Italian adds "many"). */
const pluralForms = (language: string) => new Intl.PluralRules(language).resolvedOptions().pluralCategories
const EXTRA_FORMS = /_(zero|two|few|many)$/
/** Counted strings: English has both `x_one` and `x_other`. */
const pluralBases = (keys: readonly string[]) =>
  keys.filter((k) => k.endsWith('_one')).map((k) => k.slice(0, -'_one'.length)).filter((base) => keys.includes(`${base}_other`))

describe('catalogues', () => {
  const english = new Map(leaves(catalogues.en))

  it.each(languages)('%s has exactly the English keys, plus the plural forms it needs', (language) => {
    const keys = leaves(catalogues[language]).map(([k]) => k)
    const extraForms = keys.filter((k) => EXTRA_FORMS.test(k) && english.has(k.replace(EXTRA_FORMS, '_other')))
    expect(keys.filter((k) => !extraForms.includes(k)).sort()).toEqual([...english.keys()].sort())
  })

  it.each(languages)('%s has every plural form its language uses for each counted string', (language) => {
    const keys = new Set(leaves(catalogues[language]).map(([k]) => k))
    const missing = pluralBases([...english.keys()]).flatMap((base) => pluralForms(language).map((form) => `${base}_${form}`).filter((k) => !keys.has(k)))
    expect(missing).toEqual([])
    // Every such form is found by i18next: a million in Italian is "many", not "other".
    if (language === 'it') expect(translatorFor('it')('votes.dots', { count: 1_000_000 })).toBe('1000000 di punti')
  })

  it.each(languages)('%s formats every number shown with a unit per locale ("4,5 h" in Italian)', (language) => {
    const unformatted = leaves(catalogues[language]).filter(([, v]) => /\{\{\s*\w+\s*\}\}\s*(h|%)(?![\p{L}])/u.test(String(v)))
    expect(unformatted).toEqual([])
    expect(translatorFor('it')('warnings.contentOver', { total: 54.5, target: 50, gap: 4.5 })).toContain('4,5 h')
  })

  it('counts only with plural forms: every string showing {{count}} is one', () => {
    const counted = new Set(pluralBases([...english.keys()]))
    const bare = [...english].filter(([k, v]) => String(v).includes('{{count}}') && !counted.has(k.replace(/_(one|other)$/, '')))
    expect(bare).toEqual([])
  })

  it.each(languages)('%s has a non-empty string for every key', (language) => {
    const bad = leaves(catalogues[language]).filter(([, v]) => typeof v !== 'string' || v.trim() === '')
    expect(bad).toEqual([])
  })

  it.each(languages)('%s uses the same {{placeholders}} as English in every string', (language) => {
    const mismatched = leaves(catalogues[language]).filter(
      ([k, v]) => placeholders(String(v)).join() !== placeholders(String(english.get(k.replace(EXTRA_FORMS, '_other')))).join(),
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

  it.each(languages)('%s names every card type and person role: the shared code keeps no English names of its own', (language) => {
    const keys = new Set(leaves(catalogues[language]).map(([k]) => k))
    const wanted = [...CARD_TYPES.map((type) => `cardTypes.${type}`), ...PERSON_ROLES.map((role) => `roles.${role}`)]
    expect(wanted.filter((k) => !keys.has(k))).toEqual([])
  })
})
