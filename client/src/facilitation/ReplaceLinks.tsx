import { useTranslation } from 'react-i18next'
import { ErrorText } from '../ui/ErrorText'
import { useState } from 'react'
import { describeError, rotateBoardLinkSecrets, type BoardLinkSecrets } from '../api'

// In the facilitator's Share dialog: replace the participant and viewer links (a link got out
// of the room). Confirmed first, because everyone on the old links is disconnected.

export function ReplaceLinks(props: { boardId: string; facilitatorSecret: string; onReplaced(links: BoardLinkSecrets): void }) {
  const [step, setStep] = useState<'idle' | 'confirm' | 'busy' | 'done'>('idle')
  const { t } = useTranslation()
  const [error, setError] = useState<string | null>(null)
  const replace = async () => {
    setStep('busy')
    try {
      props.onReplaced(await rotateBoardLinkSecrets(props.boardId, props.facilitatorSecret))
      setStep('done')
      setError(null)
    } catch (e) {
      setError(describeError(e))
      setStep('confirm')
    }
  }
  return (
    <div className="tavolo-replace-links" data-testid="replace-links">
      {(step === 'idle' || step === 'done') && (
        <>
          {step === 'done' && <p role="status">{t('links.ready')}</p>}
          <button type="button" onClick={() => setStep('confirm')} data-testid="replace-links-start">
            {t('links.replaceStart')}
          </button>
        </>
      )}
      {(step === 'confirm' || step === 'busy') && (
        <div role="group" aria-label={t('links.confirmGroup')}>
          <p>
            <strong>{t('links.confirmQuestion')}</strong> {t('links.confirmText')}
          </p>
          <ErrorText message={error} />
          <div className="actions">
            <button type="button" onClick={() => setStep('idle')} disabled={step === 'busy'}>
              {t('links.keep')}
            </button>
            <button type="button" className="primary" onClick={replace} disabled={step === 'busy'} data-testid="replace-links-confirm">
              {t('links.replace')}
            </button>
          </div>
        </div>
      )}
    </div>
  )
}
