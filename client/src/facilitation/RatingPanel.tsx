import { useTranslation } from 'react-i18next'
import { ErrorText } from '../ui/ErrorText'
import { useState } from 'react'
import { RATINGS_ROOT } from '../../../shared/src/doc/roots'
import { cleanCriterion, CRITERION_MAX_LENGTH } from '../../../shared/src/session/criteria'
import { phaseHasTool } from '../../../shared/src/session/phases'
import { RATINGS, ratingOf, setRating } from '../../../shared/src/session/ratings'
import { useBoardFacilitation } from './FacilitationContext'

// Co-assessment (phase 4): each person rates the design 1–5 on each criterion, in their own key.
// The facilitator chooses the criteria.

export function RatingPanel() {
  const { session, ratings, personId, doc, readOnly, isFacilitator } = useBoardFacilitation()
  const { t } = useTranslation()
  if (!phaseHasTool(session.phase, 'rating') || readOnly) return null
  const ratingsMap = doc.getMap(RATINGS_ROOT)
  return (
    <section className="tavolo-rating-panel card" aria-labelledby="tavolo-rating-heading" data-testid="rating-panel">
      <h2 id="tavolo-rating-heading">{t('ratings.title')}</h2>
      <p className="hint">{t('ratings.scale')}</p>
      {session.criteria.map((criterion) => {
        const mine = ratingOf(ratings, criterion, personId)
        return (
          <fieldset key={criterion} className="tavolo-rating-criterion" data-criterion={criterion}>
            <legend>{criterion}</legend>
            <div className="tavolo-rating-choices">
              {RATINGS.map((value) => (
                <label key={value} className="tavolo-rating-choice">
                  <input type="radio" name={`rating-${criterion}`} checked={mine === value} onChange={() => setRating(ratingsMap, criterion, personId, value)} />
                  {value}
                </label>
              ))}
            </div>
          </fieldset>
        )
      })}
      {isFacilitator && <CriteriaEditor />}
    </section>
  )
}

function CriteriaEditor() {
  const { session, writeSession } = useBoardFacilitation()
  const { t } = useTranslation()
  const [draft, setDraft] = useState('')
  const [error, setError] = useState<string | null>(null)
  const add = () => {
    const name = cleanCriterion(draft)
    if (name === null) return setError(t('ratings.criterionLength', { max: CRITERION_MAX_LENGTH }))
    if (session.criteria.includes(name)) return setError(t('ratings.criterionExists'))
    writeSession('criteria', [...session.criteria, name])
    setDraft('')
    setError(null)
  }
  return (
    <div className="tavolo-criteria-editor">
      <h3>{t('ratings.criteria')}</h3>
      <ul>
        {session.criteria.map((criterion) => (
          <li key={criterion}>
            {criterion}{' '}
            <button type="button" className="link-button" onClick={() => writeSession('criteria', session.criteria.filter((c) => c !== criterion))} aria-label={t('ratings.removeCriterion', { criterion })}>
              {t('common.remove')}
            </button>
          </li>
        ))}
      </ul>
      <label htmlFor="tavolo-new-criterion">{t('ratings.newCriterion')}</label>
      <div className="link-row-controls">
        <input id="tavolo-new-criterion" value={draft} maxLength={CRITERION_MAX_LENGTH} onChange={(e) => setDraft(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && add()} aria-invalid={error !== null} />
        <button type="button" onClick={add}>
          {t('common.add')}
        </button>
      </div>
      <ErrorText message={error} />
    </div>
  )
}
