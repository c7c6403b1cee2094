import { FormCard, TextField } from '../ui/FormCard'
import { ErrorText, invalidWhen } from '../ui/ErrorText'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguagePicker } from '../i18n/LanguagePicker'
import { useLanguage } from '../i18n/i18n'
import { createBoard, listTemplates, type TemplateSummary } from '../api'
import { boardLinkPath, parseBoardLink } from '../../../shared/src/session/joinLink'
import { DEFAULT_TEMPLATE_ID, MAX_TITLE_LENGTH } from '../../../shared/src/wire/limits'
import { ImportBoardForm } from '../export/ImportBoardForm'
import { boardPath, navigate } from '../routing'
import { useLocalStore } from '../state/localStore'
import { useLoaded } from '../ui/useLoaded'
import { useNewBoardSubmit } from './openNewBoard'

export function HomeScreen() {
  const { t } = useTranslation()
  return (
    <main className="home">
      <header className="home-header">
        <LanguagePicker />
        <h1>{t('app.name')}</h1>
        <p>{t('home.tagline')}</p>
      </header>
      <div className="home-columns">
        <NewWorkshopForm />
        <JoinForm />
        <ImportBoardForm />
      </div>
      <RecentWorkshops />
    </main>
  )
}

/** The catalogue lists its suggestion first. */
function defaultTemplate(list: readonly TemplateSummary[]): string {
  return list[0]?.id ?? DEFAULT_TEMPLATE_ID
}

function NewWorkshopForm() {
  const { t } = useTranslation()
  const language = useLanguage()
  const templates = useLoaded(() => listTemplates(language), [language])
  const [title, setTitle] = useState('')
  const [chosenTemplate, setTemplate] = useState<string | null>(null)
  const template = chosenTemplate ?? (templates.status === 'ready' ? defaultTemplate(templates.value) : DEFAULT_TEMPLATE_ID)
  const { busy: creating, error, submit } = useNewBoardSubmit()

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    await submit(() => createBoard({ title: title.trim() || t('home.untitled'), template, language }))
  }

  return (
    <FormCard title={t('home.newWorkshop')} headingId="new-workshop-heading" testId="new-workshop-form" onSubmit={onSubmit}>
      <TextField
        id="workshop-title"
        label={t('home.title')}
        value={title}
        onChange={setTitle}
        placeholder={t('home.titlePlaceholder')}
        maxLength={MAX_TITLE_LENGTH}
      />
      <label htmlFor="workshop-template">{t('home.template')}</label>
      <select
        id="workshop-template"
        value={template}
        onChange={(e) => setTemplate(e.target.value)}
        disabled={templates.status !== 'ready'}
      >
        {templates.status === 'ready' ? (
          templates.value.map((t) => (
            <option key={t.id} value={t.id} title={t.description}>
              {t.title}
            </option>
          ))
        ) : (
          <option value={DEFAULT_TEMPLATE_ID}>{templates.status === 'loading' ? t('home.loadingTemplates') : t('home.blank')}</option>
        )}
      </select>
      {templates.status === 'error' && <p className="hint">{t('home.templatesFailed', { message: templates.message })}</p>}
      <button type="submit" className="primary" disabled={creating}>
        {creating ? t('home.creating') : t('home.create')}
      </button>
      <ErrorText message={error} />
    </FormCard>
  )
}

function JoinForm() {
  const { t } = useTranslation()
  const [link, setLink] = useState('')
  const [error, setError] = useState<string | null>(null)

  function onSubmit(event: FormEvent) {
    event.preventDefault()
    const parsed = parseBoardLink(link, window.location.origin)
    if (!parsed.ok) {
      setError(t(`errors.link_${parsed.error}`, { host: parsed.host }))
      return
    }
    navigate(boardLinkPath(parsed.boardId, parsed.secret, parsed.view))
  }

  return (
    <FormCard title={t('home.join')} headingId="join-heading" testId="join-form" onSubmit={onSubmit}>
      <TextField
        id="join-link"
        label={t('home.joinLink')}
        value={link}
        onChange={(value) => {
          setLink(value)
          setError(null)
        }}
        placeholder={t('home.joinPlaceholder')}
        {...invalidWhen(error, 'join-error')}
      />
      <button type="submit" className="primary">
        {t('home.joinButton')}
      </button>
      <ErrorText message={error} id="join-error" />
    </FormCard>
  )
}

function RecentWorkshops() {
  const { t } = useTranslation()
  const workshops = useLocalStore((s) => s.workshops)
  const forgetWorkshop = useLocalStore((s) => s.forgetWorkshop)
  if (workshops.length === 0) return null
  return (
    <section className="card recent" aria-labelledby="recent-heading">
      <h2 id="recent-heading">{t('home.yourWorkshops')}</h2>
      <ul>
        {workshops.map((w) => (
          <li key={w.id}>
            <a
              href={boardPath(w.id, w.secret)}
              onClick={(e) => {
                e.preventDefault()
                navigate(boardPath(w.id, w.secret))
              }}
            >
              {w.title}
            </a>
            <span className="muted"> · {t(`access.${w.accessRole}`)}</span>
            <button type="button" className="link-button" onClick={() => forgetWorkshop(w.id)} aria-label={t('home.forgetWorkshop', { title: w.title })}>
              {t('home.forget')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
