import { useTranslation } from 'react-i18next'
import { ErrorText } from '../ui/ErrorText'
import { useEffect, useRef, useState } from 'react'
import { describeError, getBoardLinkSecrets, type BoardLinkSecrets } from '../api'
import { joinLink } from '../../../shared/src/session/joinLink'
import { ReplaceLinks } from '../facilitation/ReplaceLinks'
import { copyText } from './copyText'

type LinksState = { status: 'loading' } | { status: 'ready'; links: BoardLinkSecrets } | { status: 'error'; message: string }

export function ShareDialog(props: { boardId: string; facilitatorSecret: string; onClose(): void }) {
  const { boardId, facilitatorSecret, onClose } = props
  const { t } = useTranslation()
  const [state, setState] = useState<LinksState>({ status: 'loading' })
  const dialogRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    let cancelled = false
    getBoardLinkSecrets(boardId, facilitatorSecret).then(
      (links) => !cancelled && setState({ status: 'ready', links }),
      (e: unknown) => !cancelled && setState({ status: 'error', message: describeError(e) }),
    )
    return () => {
      cancelled = true
    }
  }, [boardId, facilitatorSecret])

  useEffect(() => {
    dialogRef.current?.focus()
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose()
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])

  const origin = window.location.origin
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div
        ref={dialogRef}
        className="modal card"
        role="dialog"
        aria-modal="true"
        aria-labelledby="share-heading"
        tabIndex={-1}
        data-testid="share-dialog"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="share-heading">{t('share.title')}</h2>
        {state.status === 'loading' && <p>{t('share.loading')}</p>}
        <ErrorText message={state.status === 'error' ? state.message : null} />
        {state.status === 'ready' && (
          <>
            <LinkRow
              label={t('share.participant')}
              hint={t('share.participantHint')}
              url={joinLink(origin, boardId, state.links.editor)}
              testId="participant-link"
            />
            <LinkRow
              label={t('share.viewer')}
              hint={t('share.viewerHint')}
              url={joinLink(origin, boardId, state.links.viewer)}
              testId="viewer-link"
            />
            <ReplaceLinks boardId={boardId} facilitatorSecret={facilitatorSecret} onReplaced={(links) => setState({ status: 'ready', links })} />
          </>
        )}
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </div>
    </div>
  )
}

function LinkRow(props: { label: string; hint: string; url: string; testId: string }) {
  const inputRef = useRef<HTMLInputElement>(null)
  const { t } = useTranslation()
  const [copied, setCopied] = useState<boolean | null>(null)
  const inputId = `${props.testId}-input`
  return (
    <div className="link-row">
      <label htmlFor={inputId}>{props.label}</label>
      <p className="hint">{props.hint}</p>
      <div className="link-row-controls">
        <input id={inputId} ref={inputRef} readOnly value={props.url} data-testid={props.testId} onFocus={(e) => e.target.select()} />
        <button type="button" onClick={async () => setCopied(await copyText(props.url, inputRef.current))} aria-label={t('share.copyLink', { link: props.label.toLowerCase() })}>
          {t('common.copy')}
        </button>
      </div>
      <span role="status" className="hint">
        {copied === true ? t('share.copied') : copied === false ? t('share.copyYourself') : ''}
      </span>
    </div>
  )
}
