import type { Result } from '@tldraw/utils'
import { T } from '@tldraw/validate'
import { defaultLanguage, languages, type Language } from '../i18n'
import { queryChoice } from './validation'

// The language of an answer with words in it: the template texts of a new board and of
// GET /api/templates, the headings and labels of an export. English unless asked otherwise.

/** The query parameter naming that language (`?language=it`). */
export const LANGUAGE_PARAM = 'language'

/** The `language` field of a request body. */
export const languageValidator: T.Validator<Language> = T.literalEnum(...languages)

/** The language a request's query asks for, the default when it names none, or what is wrong. */
export function languageFromQuery(query: URLSearchParams): Result<Language, string> {
  return queryChoice(query, LANGUAGE_PARAM, languageValidator, defaultLanguage, `one of ${languages.join(', ')}`)
}
