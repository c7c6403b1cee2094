import i18next from 'i18next'
import { initReactI18next, useTranslation } from 'react-i18next'
import { i18nOptions, isLanguage, pickLanguage, type Language } from '../../../shared/src/i18n'

// The UI's language: the one picked in this browser (kept in localStorage), else the first of the
// browser's languages we have. <html lang> follows it so screen readers and hyphenation do too.

const STORAGE_KEY = 'tavolo.language'

function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY)
    return isLanguage(value) ? value : null
  } catch {
    return null
  }
}

void i18next.use(initReactI18next).init({
  ...i18nOptions,
  lng: storedLanguage() ?? pickLanguage(globalThis.navigator?.languages ?? []),
})

function syncHtmlLang(language: string) {
  // Absent only when shape code is loaded by unit tests under Node.
  if (typeof document !== 'undefined') document.documentElement.lang = language
}
syncHtmlLang(i18next.language)
i18next.on('languageChanged', syncHtmlLang)

/** The UI's current language. */
export function useLanguage(): Language {
  const { i18n } = useTranslation()
  return isLanguage(i18n.language) ? i18n.language : pickLanguage([i18n.language])
}

/** Switches the UI's language and remembers the choice in this browser. */
export function setLanguage(language: Language) {
  try {
    localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // Private mode or full storage: the switch still holds for this page.
  }
  void i18next.changeLanguage(language)
}

export { i18next }
