import { useEffect, useState } from 'react'
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
  const { title, text } = describeRefusal(refusal)
  return (
    <div className="tavolo-refused-backdrop">
      <main className="screen-message" role="alert" data-testid="connection-refused" data-code={refusal.code}>
        <h1>{title}</h1>
        <p>{text}</p>
        <p className="hint">Your changes from now on are not saved or shared.</p>
        {refusal.code === CLOSE_FORBIDDEN_WRITE && onStartAfresh && (
          <button type="button" className="primary" onClick={() => void onStartAfresh().then(() => window.location.reload())} data-testid="start-afresh">
            Reload the board from the server
          </button>
        )}
      </main>
    </div>
  )
}

function describeRefusal({ code, reason }: Refusal): { title: string; text: string } {
  if (code === CLOSE_SECRET_ROTATED) {
    return { title: 'This link no longer works', text: 'The facilitator replaced this link. Ask for the new one.' }
  }
  if (code === CLOSE_FORBIDDEN_WRITE) {
    return {
      title: 'Your change was refused',
      text: `The server refused a change from this page (${reason || 'not allowed for your role'}) and disconnected it.`,
    }
  }
  return { title: 'Disconnected from the workshop', text: `The server closed the connection: ${reason || `code ${code}`}. Reload the page to try again.` }
}
