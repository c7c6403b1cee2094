import i18next, { type TFunction } from 'i18next'
import { en } from './en'
import { it } from './it'

// One catalogue per language (en.ts, it.ts; en.ts says how to add a string). React components use
// react-i18next (client/src/i18n); shared and server code, which has no "current" language, asks
// translatorFor(language) for the board's or the request's language.

export const languages = ['en', 'it'] as const
export type Language = (typeof languages)[number]
export const defaultLanguage: Language = 'en'

export const catalogues = { en, it } as const

/** The resources object i18next is initialised with, in its one namespace. */
export const i18nResources = { en: { translation: en }, it: { translation: it } }

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value)
}

/** The first of the user's preferred languages (BCP 47 tags, best first) we have, else English. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0]
    if (isLanguage(primary)) return primary
  }
  return defaultLanguage
}

/** Options shared by the client's i18next and the translators below. */
export const i18nOptions = {
  resources: i18nResources,
  fallbackLng: defaultLanguage,
  supportedLngs: languages,
  // React and our exporters escape for their own output; i18next must not HTML-escape.
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
} as const

const translators = new Map<Language, TFunction>()

/** A `t` fixed to one language, for code outside React (exports, templates, server messages). */
export function translatorFor(language: Language): TFunction {
  let t = translators.get(language)
  if (!t) {
    const instance = i18next.createInstance()
    void instance.init({ ...i18nOptions, lng: language })
    t = instance.t
    translators.set(language, t)
  }
  return t
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof en }
  }
}

/** A number written the way `language` writes it ("4,5" in Italian), for text outside t(). */
export function formatNumber(language: string, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(language, options).format(value)
}
