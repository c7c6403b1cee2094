import { useTranslation } from 'react-i18next'
import { useState } from 'react'
import type * as Y from 'yjs'
import { parseHours } from '../../../shared/src/cards'
import { SESSION_ROOT } from '../../../shared/src/doc/roots'
import { MAX_BUDGET_HOURS } from '../../../shared/src/levels/budgets'
import { readSessionValue, writeSessionValue } from '../../../shared/src/session/sessionState'
import { storedTargets } from '../../../shared/src/session/targets'

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
    if (!parsed.ok) return setMessage(t('card.hoursInvalid'))
    const targets = { ...readSessionValue(doc.getMap(SESSION_ROOT).toJSON(), 'targets'), totalHours: parsed.value }
    if (!storedTargets.isValid(targets)) return setMessage(t('levels.targetInvalid', { max: MAX_BUDGET_HOURS }))
    writeSessionValue(doc.getMap(SESSION_ROOT), 'targets', targets)
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
