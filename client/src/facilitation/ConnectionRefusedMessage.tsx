import { useTranslation } from 'react-i18next'
import { useEffect, useState } from 'react'
import type { TFunction } from 'i18next'
import type { WebsocketProvider } from 'y-websocket'
import { CLOSE_FORBIDDEN_WRITE, CLOSE_SECRET_ROTATED } from '../../../shared/src/wire/closeCodes'

// When the server ends this connection for good (close codes 4400–4499: y-websocket stops
// retrying), say why over the whole screen instead of leaving a board that silently stopped syncing.

export interface Refusal {
  code: number
  reason: string
}

export function useConnectionRefusal(provider: WebsocketProvider | null): Refusal | null {
  const [refusal, setRefusal] = useState<Refusal | null>(null)
  useEffect(() => {
    if (!provider) return
    const onClosed = ({ code, reason }: Refusal) => setRefusal({ code, reason })
    provider.on('closed', onClosed)
    return () => provider.off('closed', onClosed)
  }, [provider])
  return refusal
}

/**
 * `onStartAfresh` drops this device's copy of the board and reloads it from the server: the
 * refused change is in that copy, and would otherwise be sent, and refused, again.
 */
export function ConnectionRefusedMessage({ refusal, onStartAfresh }: { refusal: Refusal; onStartAfresh?: () => Promise<void> }) {
  const { t } = useTranslation()
  const { title, text } = describeRefusal(refusal, t)
  return (
    <div className="tavolo-refused-backdrop">
      <main className="screen-message" role="alert" data-testid="connection-refused" data-code={refusal.code}>
        <h1>{title}</h1>
        <p>{text}</p>
        <p className="hint">{t('refused.notSaved')}</p>
        {refusal.code === CLOSE_FORBIDDEN_WRITE && onStartAfresh && (
          <button type="button" className="primary" onClick={() => void onStartAfresh().then(() => window.location.reload())} data-testid="start-afresh">
            {t('refused.startAfresh')}
          </button>
        )}
      </main>
    </div>
  )
}

function describeRefusal({ code, reason }: Refusal, t: TFunction): { title: string; text: string } {
  if (code === CLOSE_SECRET_ROTATED) return { title: t('refused.rotatedTitle'), text: t('refused.rotatedText') }
  if (code === CLOSE_FORBIDDEN_WRITE) {
    return { title: t('refused.writeTitle'), text: t('refused.writeText', { reason: reason || t('refused.writeReason') }) }
  }
  return { title: t('refused.closedTitle'), text: t('refused.closedText', { reason: reason || t('refused.closedCode', { code }) }) }
}
