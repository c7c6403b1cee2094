import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { projectorLink } from '../../../shared/src/session/joinLink'
import { describeError, getBoardLinkSecrets } from '../api'

// The projector runs on a shared screen: it opens with the viewer secret (plus the participant
// secret for its join QR code), never the facilitator's. The links are read at the click, so a
// projector opened after "Replace links" gets the new ones. The window itself opens within the
// click (a window opened after an await is a pop-up Safari blocks) and is sent to the link once
// it arrives; the button stays busy meanwhile, so a double click opens one projector.

export function ProjectorButton(props: { boardId: string; facilitatorSecret: string }) {
  const { t } = useTranslation()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function open() {
    setError(null)
    const projector = window.open('', '_blank')
    if (!projector) {
      setError(t('projector.blocked'))
      return
    }
    // What 'noopener' did: the shared screen's page cannot reach the facilitator's window.
    projector.opener = null
    setBusy(true)
    try {
      const links = await getBoardLinkSecrets(props.boardId, props.facilitatorSecret)
      projector.location.href = projectorLink(window.location.origin, props.boardId, links.viewer, links.editor)
    } catch (failure) {
      projector.close()
      setError(t('projector.openFailed', { message: describeError(failure) }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <button type="button" className="tavolo-facilitation-link" onClick={() => void open()} disabled={busy} aria-busy={busy} data-testid="projector-link">
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
