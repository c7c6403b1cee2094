import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { projectorLink } from '../../../shared/src/session/joinLink'
import { describeError, getBoardLinkSecrets } from '../api'

// The projector runs on a shared screen: it opens with the viewer secret (plus the participant
// secret for its join QR code), never the facilitator's. The links are read at the click, so a
// projector opened after "Replace links" gets the new ones.

export function ProjectorButton(props: { boardId: string; facilitatorSecret: string }) {
  const { t } = useTranslation()
  const [error, setError] = useState<string | null>(null)

  async function open() {
    setError(null)
    try {
      const links = await getBoardLinkSecrets(props.boardId, props.facilitatorSecret)
      window.open(projectorLink(window.location.origin, props.boardId, links.viewer, links.editor), '_blank', 'noopener')
    } catch (failure) {
      setError(t('projector.openFailed', { message: describeError(failure) }))
    }
  }

  return (
    <>
      <button type="button" className="tavolo-facilitation-link" onClick={() => void open()} data-testid="projector-link">
        {t('projector.open')}
      </button>
      {error && (
        <span className="tavolo-facilitation-error" role="alert">
          {error}
        </span>
      )}
    </>
  )
}
