import { useTranslation } from 'react-i18next'

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline'

/** States in which edits stay on this device until the connection is back. */
const KEPT_LOCALLY: readonly ConnectionState[] = ['reconnecting', 'offline']

export function ConnectionBadge({ state }: { state: ConnectionState }) {
  const { t } = useTranslation()
  return (
    <span className={`badge badge-${state}`} data-testid="connection-badge" data-state={state} role="status" aria-live="polite">
      <span className="badge-dot" aria-hidden="true" />
      {t(`connection.${state}`)}
      {KEPT_LOCALLY.includes(state) && <span className="badge-detail"> — {t('connection.keptHere')}</span>}
    </span>
  )
}
