import { useTranslation } from 'react-i18next'
import { ErrorText } from '../ui/ErrorText'
import { useEffect, useRef, useState } from 'react'
import { getBoardLinkSecrets, type BoardLinkSecrets } from '../api'
import { useLoaded } from '../ui/useLoaded'
import { joinLink } from '../../../shared/src/session/joinLink'
import { ReplaceLinks } from '../facilitation/ReplaceLinks'
import { copyText } from './copyText'

export function ShareDialog(props: { boardId: string; facilitatorSecret: string; onClose(): void }) {
  const { boardId, facilitatorSecret, onClose } = props
  const { t } = useTranslation()
  const loaded = useLoaded(() => getBoardLinkSecrets(boardId, facilitatorSecret), [boardId, facilitatorSecret])
  const [replaced, setReplaced] = useState<BoardLinkSecrets | null>(null)
  const links = replaced ?? (loaded.status === 'ready' ? loaded.value : null)
  const dialogRef = useRef<HTMLDivElement>(null)

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
        {!links && loaded.status === 'loading' && <p>{t('share.loading')}</p>}
        <ErrorText message={!links && loaded.status === 'error' ? loaded.message : null} />
        {links && (
          <>
            <LinkRow
              label={t('share.participant')}
              hint={t('share.participantHint')}
              url={joinLink(origin, boardId, links.editor)}
              testId="participant-link"
            />
            <LinkRow
              label={t('share.viewer')}
              hint={t('share.viewerHint')}
              url={joinLink(origin, boardId, links.viewer)}
              testId="viewer-link"
            />
            <ReplaceLinks boardId={boardId} facilitatorSecret={facilitatorSecret} onReplaced={setReplaced} />
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
