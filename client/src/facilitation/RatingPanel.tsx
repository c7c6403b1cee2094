import { useTranslation } from 'react-i18next'
import { ErrorText } from '../ui/ErrorText'
import { useState } from 'react'
import { RATINGS_ROOT } from '../../../shared/src/doc/roots'
import { cleanCriterion, CRITERION_MAX_LENGTH } from '../../../shared/src/session/criteria'
import { ratingsAreOpen } from '../../../shared/src/session/phases'
import { RATINGS, ratingOf, setRating } from '../../../shared/src/session/ratings'
import { useBoardFacilitation } from './FacilitationContext'

// Co-assessment: each person rates the design 1–5 on each criterion, in their own key. Phase 4
// suggests it; the facilitator opens or closes it in any phase and chooses the criteria. The panel
// folds to its heading so it never hides the board for long, and scrolls when it is taller than the
// screen (focusable, so the keyboard scrolls it too).

export function RatingPanel() {
  const { session, readOnly } = useBoardFacilitation()
  const { t } = useTranslation()
  const [open, setOpen] = useState(true)
  if (!ratingsAreOpen(session) || readOnly) return null
  return (
    <section className="tavolo-rating-panel card" aria-labelledby="tavolo-rating-heading" data-testid="rating-panel" tabIndex={0}>
      <div className="tavolo-rating-header">
        <h2 id="tavolo-rating-heading">{t('ratings.title')}</h2>
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="rating-panel-toggle">
          {open ? t('ratings.hidePanel') : t('ratings.showPanel')}
        </button>
      </div>
      {open && <RatingChoices />}
    </section>
  )
}

function RatingChoices() {
  const { session, ratings, personId, doc, isFacilitator } = useBoardFacilitation()
  const { t } = useTranslation()
  const ratingsMap = doc.getMap(RATINGS_ROOT)
  return (
    <>
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
    </>
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
