export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline'

const LABELS: Record<ConnectionState, { text: string; detail?: string }> = {
  connecting: { text: 'Connecting…' },
  connected: { text: 'Connected' },
  reconnecting: { text: 'Reconnecting…', detail: 'your edits are kept on this device' },
  offline: { text: 'Offline', detail: 'your edits are kept on this device' },
}

export function ConnectionBadge({ state }: { state: ConnectionState }) {
  const label = LABELS[state]
  return (
    <span className={`badge badge-${state}`} data-testid="connection-badge" data-state={state} role="status" aria-live="polite">
      <span className="badge-dot" aria-hidden="true" />
      {label.text}
      {label.detail && <span className="badge-detail"> — {label.detail}</span>}
    </span>
  )
}
