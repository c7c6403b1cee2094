import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { SESSION_ROOT } from '../../../shared/src/doc/roots'
import { readSessionValue, writeSessionValue } from '../../../shared/src/session/sessionState'

// The facilitator makes the board anonymous: every export (programme, CSV), from the menu or the
// API, then lists roles and counts instead of names.
export function AnonymousExportsToggle({ doc, session }: { doc: Y.Doc; session: Readonly<Record<string, unknown>> }) {
  const anonymous = readSessionValue(session, 'anonymous')
  const { t } = useTranslation()
  return (
    <label className="tavolo-summary-anonymous">
      <input
        type="checkbox"
        checked={anonymous}
        onChange={(e) => writeSessionValue(doc.getMap(SESSION_ROOT), 'anonymous', e.target.checked)}
      />
      {t('summary.anonymous')}
    </label>
  )
}
