import { useTranslation } from 'react-i18next'
import { useState } from 'react'
import type * as Y from 'yjs'
import { parseHours } from '../../../shared/src/cards'
import { SESSION_ROOT } from '../../../shared/src/doc/roots'
import { readSessionValue, writeSessionValue } from '../../../shared/src/session/sessionState'

// The facilitator sets the course's hours target (session.targets.totalHours), which both hours
// rules compare against.

export function HoursTargetEditor({ doc, session }: { doc: Y.Doc; session: Readonly<Record<string, unknown>> }) {
  const current = readSessionValue(session, 'targets').totalHours
  const { t } = useTranslation()
  const [draft, setDraft] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)

  const save = () => {
    if (draft === null) return
    const parsed = parseHours(draft)
    if (!parsed.ok || parsed.value <= 0) return setMessage(t(parsed.ok ? 'summary.targetInvalid' : 'card.hoursInvalid'))
    const targets = readSessionValue(doc.getMap(SESSION_ROOT).toJSON(), 'targets')
    writeSessionValue(doc.getMap(SESSION_ROOT), 'targets', { ...targets, totalHours: parsed.value })
    setDraft(null)
    setMessage(null)
  }

  return (
    <form
      className="tavolo-summary-target"
      onSubmit={(e) => {
        e.preventDefault()
        save()
      }}
    >
      <label htmlFor="tavolo-hours-target">{t('summary.hoursTarget')}</label>
      <div className="tavolo-summary-target-row">
        <input
          id="tavolo-hours-target"
          type="text"
          inputMode="decimal"
          value={draft ?? (current === undefined ? '' : String(current))}
          placeholder={t('summary.none')}
          aria-invalid={message !== null}
          aria-describedby={message ? 'tavolo-hours-target-message' : undefined}
          onChange={(e) => {
            setDraft(e.target.value)
            setMessage(null)
          }}
        />
        <button type="submit" disabled={draft === null}>
          {t('summary.set')}
        </button>
      </div>
      {message && (
        <p className="tavolo-field-message" id="tavolo-hours-target-message" role="alert">
          {message}
        </p>
      )}
    </form>
  )
}
