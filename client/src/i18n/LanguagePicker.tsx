import { useTranslation } from 'react-i18next'
import { languages, isLanguage } from '../../../shared/src/i18n'
import { setLanguage, useLanguage } from './i18n'

/** A small select switching the UI's language; each language is named in itself. */
export function LanguagePicker(props: { className?: string }) {
  const { t } = useTranslation()
  const language = useLanguage()
  return (
    <select
      className={['language-picker', props.className].filter(Boolean).join(' ')}
      aria-label={t('language.label')}
      data-testid="language-picker"
      value={language}
      onChange={(e) => isLanguage(e.target.value) && setLanguage(e.target.value)}
    >
      {languages.map((l) => (
        <option key={l} value={l} lang={l}>
          {t(`language.${l}`)}
        </option>
      ))}
    </select>
  )
}
