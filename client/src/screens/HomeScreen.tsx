import { ErrorText } from '../ui/ErrorText'
import { useEffect, useState, type FormEvent } from 'react'
import { createBoard, describeError, listTemplates, type TemplateSummary } from '../api'
import { boardLinkPath, parseBoardLink } from '../../../shared/src/session/joinLink'
import { DEFAULT_BOARD_TITLE, DEFAULT_TEMPLATE_ID, MAX_TITLE_LENGTH } from '../../../shared/src/wire/limits'
import { ImportBoardForm } from '../export/ImportBoardForm'
import { boardPath, navigate } from '../routing'
import { useLocalStore } from '../state/localStore'
import { openNewBoard } from './openNewBoard'

export function HomeScreen() {
  return (
    <main className="home">
      <header className="home-header">
        <h1>Tavolo</h1>
        <p>A shared table for co-designing public services.</p>
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

type TemplatesState = { status: 'loading' } | { status: 'ready'; templates: TemplateSummary[] } | { status: 'error'; message: string }

function NewWorkshopForm() {
  const [templates, setTemplates] = useState<TemplatesState>({ status: 'loading' })
  const [title, setTitle] = useState('')
  const [template, setTemplate] = useState(DEFAULT_TEMPLATE_ID)
  const [creating, setCreating] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let cancelled = false
    listTemplates().then(
      (list) => {
        if (cancelled) return
        setTemplates({ status: 'ready', templates: list })
        // The catalogue lists its suggestion first.
        if (list.length > 0) setTemplate(list[0].id)
      },
      (e: unknown) => !cancelled && setTemplates({ status: 'error', message: describeError(e) }),
    )
    return () => {
      cancelled = true
    }
  }, [])

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    setCreating(true)
    setError(null)
    try {
      openNewBoard(await createBoard({ title: title.trim() || DEFAULT_BOARD_TITLE, template }))
    } catch (e) {
      setError(describeError(e))
      setCreating(false)
    }
  }

  return (
    <form className="card" onSubmit={onSubmit} aria-labelledby="new-workshop-heading" data-testid="new-workshop-form">
      <h2 id="new-workshop-heading">New workshop</h2>
      <label htmlFor="workshop-title">Title</label>
      <input
        id="workshop-title"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        placeholder="e.g. MSc Public Services Management"
        maxLength={MAX_TITLE_LENGTH}
      />
      <label htmlFor="workshop-template">Template</label>
      <select
        id="workshop-template"
        value={template}
        onChange={(e) => setTemplate(e.target.value)}
        disabled={templates.status !== 'ready'}
      >
        {templates.status === 'ready' ? (
          templates.templates.map((t) => (
            <option key={t.id} value={t.id} title={t.description}>
              {t.title}
            </option>
          ))
        ) : (
          <option value={DEFAULT_TEMPLATE_ID}>{templates.status === 'loading' ? 'Loading templates…' : 'Blank'}</option>
        )}
      </select>
      {templates.status === 'error' && <p className="hint">Templates could not be loaded ({templates.message}); a blank board will be created.</p>}
      <button type="submit" className="primary" disabled={creating}>
        {creating ? 'Creating…' : 'Create workshop'}
      </button>
      <ErrorText message={error} />
    </form>
  )
}

function JoinForm() {
  const [link, setLink] = useState('')
  const [error, setError] = useState<string | null>(null)

  function onSubmit(event: FormEvent) {
    event.preventDefault()
    const parsed = parseBoardLink(link, window.location.origin)
    if (!parsed.ok) {
      setError(parsed.error)
      return
    }
    navigate(boardLinkPath(parsed.boardId, parsed.secret, parsed.view))
  }

  return (
    <form className="card" onSubmit={onSubmit} aria-labelledby="join-heading" data-testid="join-form">
      <h2 id="join-heading">Join a workshop</h2>
      <label htmlFor="join-link">Link you were given</label>
      <input
        id="join-link"
        value={link}
        onChange={(e) => {
          setLink(e.target.value)
          setError(null)
        }}
        placeholder="https://…/b/…#k=…"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'join-error' : undefined}
      />
      <button type="submit" className="primary">
        Join
      </button>
      {error && (
        <p role="alert" id="join-error" className="error">
          {error}
        </p>
      )}
    </form>
  )
}

function RecentWorkshops() {
  const workshops = useLocalStore((s) => s.workshops)
  const forgetWorkshop = useLocalStore((s) => s.forgetWorkshop)
  if (workshops.length === 0) return null
  return (
    <section className="card recent" aria-labelledby="recent-heading">
      <h2 id="recent-heading">Your workshops</h2>
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
            <span className="muted"> · {w.accessRole}</span>
            <button type="button" className="link-button" onClick={() => forgetWorkshop(w.id)} aria-label={`Forget ${w.title}`}>
              Forget
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
