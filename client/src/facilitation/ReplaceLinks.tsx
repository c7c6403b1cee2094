import { ErrorText } from '../ui/ErrorText'
import { useState } from 'react'
import { describeError, rotateBoardLinkSecrets, type BoardLinkSecrets } from '../api'

// In the facilitator's Share dialog: replace the participant and viewer links (a link got out
// of the room). Confirmed first, because everyone on the old links is disconnected.

export function ReplaceLinks(props: { boardId: string; facilitatorSecret: string; onReplaced(links: BoardLinkSecrets): void }) {
  const [step, setStep] = useState<'idle' | 'confirm' | 'busy' | 'done'>('idle')
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
          {step === 'done' && <p role="status">New links are ready: share them again. The old links no longer work.</p>}
          <button type="button" onClick={() => setStep('confirm')} data-testid="replace-links-start">
            Replace links…
          </button>
        </>
      )}
      {(step === 'confirm' || step === 'busy') && (
        <div role="group" aria-label="Confirm replacing the links">
          <p>
            <strong>Replace the participant and viewer links?</strong> The old links stop working and everyone who joined with
            them is disconnected until they get the new ones. Your facilitator link stays the same.
          </p>
          <ErrorText message={error} />
          <div className="actions">
            <button type="button" onClick={() => setStep('idle')} disabled={step === 'busy'}>
              Keep the links
            </button>
            <button type="button" className="primary" onClick={replace} disabled={step === 'busy'} data-testid="replace-links-confirm">
              Replace links
            </button>
          </div>
        </div>
      )}
    </div>
  )
}
