import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ZONE_TYPE } from '../../../shared/src/cards'
import { DRAFT_DONE_ROOT } from '../../../shared/src/doc/roots'
import type { DraftingScope } from '../../../shared/src/levels/drafting'
import { serverNow } from '../../../shared/src/session/clockOffset'
import { phaseInfo } from '../../../shared/src/session/phases'
import { startTimer } from '../../../shared/src/session/timer'
import { zoneTitle } from '../../../shared/src/summary/zoneMembership'
import type { RevealedDrafts } from '../../../shared/src/wire/api'
import { describeError, revealDrafts } from '../api'
import { useBoardFacilitation } from '../facilitation/FacilitationContext'
import { randomId } from '../state/randomId'
import type { PresentPerson } from '../sync/presence'
import { ErrorText } from '../ui/ErrorText'
import { RadioChoice } from '../ui/RadioChoice'
import { DoneButton, DraftingProgressText } from './DraftingBanner'
import { useLevelsSelect } from './useLevels'

// Private drafting (the individual level): the facilitator opens a round (the whole board, one
// zone or the current phase; anonymous or not; with the timer if they like), sees how many are
// still drafting and who is done — never what they drafted — and reveals every draft at once
// through the server. Participants draft with a banner on the board and say "I'm done".

type Reveal = { status: 'idle' } | { status: 'busy' } | { status: 'done'; result: RevealedDrafts } | { status: 'failed'; message: string }

export function DraftingSection(props: { boardId: string; secret: string; presentPeople: readonly PresentPerson[] }) {
  const { isFacilitator, readOnly, session, writeSession } = useBoardFacilitation()
  const { t } = useTranslation()
  // Kept here: the reveal's answer outlives the round it closed.
  const [reveal, setReveal] = useState<Reveal>({ status: 'idle' })
  const round = session.drafting
  const run = () => {
    setReveal({ status: 'busy' })
    revealDrafts(props.boardId, props.secret).then(
      (result) => setReveal({ status: 'done', result }),
      (error: unknown) => setReveal({ status: 'failed', message: t('drafting.revealFailed', { reason: describeError(error) }) }),
    )
  }
  const busy = reveal.status === 'busy'
  return (
    <div className="tavolo-drafting-section" data-testid="drafting-section" data-status={round.status}>
      <p className="hint">{t('drafting.intro')}</p>
      {round.status === 'open' && <DraftingProgressText presentPeople={props.presentPeople} />}
      {round.status === 'open' && !isFacilitator && !readOnly && <DoneButton />}
      {isFacilitator && round.status === 'closed' && <OpenRoundForm />}
      {isFacilitator && round.status === 'open' && (
        <button type="button" className="primary" onClick={run} disabled={busy} aria-busy={busy} data-testid="drafting-reveal">
          {busy ? t('drafting.revealing') : t('drafting.reveal')}
        </button>
      )}
      {isFacilitator && reveal.status === 'failed' && <ErrorText message={reveal.message} testId="drafting-reveal-error" />}
      {isFacilitator && reveal.status === 'done' && (
        <p role="status" data-testid="drafting-revealed">
          {t('drafting.revealed', { count: reveal.result.cards, people: t('drafting.people', { count: reveal.result.people }) })}
        </p>
      )}
      {round.status === 'closed' && round.anonymous && round.roundId !== null && (
        <div className="tavolo-levels-form">
          <p className="hint">{t('drafting.authorsHidden')}</p>
          {isFacilitator && (
            <button type="button" onClick={() => writeSession('drafting', { ...round, anonymous: false })} data-testid="drafting-show-authors">
              {t('drafting.showAuthors')}
            </button>
          )}
        </div>
      )}
    </div>
  )
}

const DRAFTING_SCOPE_KINDS: readonly DraftingScope['kind'][] = ['board', 'zone', 'phase']

function OpenRoundForm() {
  const { session, writeSession, doc, clockOffsetMs } = useBoardFacilitation()
  // Only the zones' ids and titles: a card moving leaves the form alone.
  const zones = useLevelsSelect(({ shapes }) =>
    shapes.filter((s) => s.type === ZONE_TYPE).map((zone) => ({ id: zone.id, title: (zone.props as { title?: unknown }).title })),
  )
  const { t } = useTranslation()
  const [kind, setKind] = useState<DraftingScope['kind']>('board')
  const [zoneId, setZoneId] = useState('')
  const [anonymous, setAnonymous] = useState(false)
  const [withTimer, setWithTimer] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const phase = t(`phases.${phaseInfo(session.phase).id}_label`)
  const minutes = session.timer.durationMs / 60_000
  const open = () => {
    if (kind === 'zone' && !zones.some((z) => z.id === zoneId)) return setError(t('drafting.zoneMissing'))
    const scope: DraftingScope = kind === 'zone' ? { kind, zoneId } : kind === 'phase' ? { kind, phase: session.phase } : { kind }
    const timer = withTimer ? startTimer(session.timer.durationMs, serverNow(clockOffsetMs, Date.now())) : null
    // A new round starts with nobody done.
    doc.transact(() => {
      doc.getMap(DRAFT_DONE_ROOT).clear()
      writeSession('drafting', { status: 'open', scope, anonymous, roundId: randomId() })
      if (timer) writeSession('timer', timer)
    })
    setError(null)
  }
  return (
    <div className="tavolo-levels-form" data-testid="drafting-form">
      <RadioChoice
        legend={t('drafting.scope')}
        name="tavolo-drafting-scope"
        testId="drafting-scope"
        options={DRAFTING_SCOPE_KINDS}
        value={kind}
        label={(k) => t(`drafting.scope_${k}`, { phase })}
        onChange={setKind}
      />
      {kind === 'zone' && (
        <label>
          {t('drafting.zone')}{' '}
          <select value={zoneId} onChange={(e) => setZoneId(e.target.value)} data-testid="drafting-zone">
            <option value="" disabled>
              {t('drafting.chooseZone')}
            </option>
            {zones.map((zone) => (
              <option key={zone.id} value={zone.id}>
                {zoneTitle(zone.title, t)}
              </option>
            ))}
          </select>
        </label>
      )}
      <ErrorText message={error} />
      <label className="radio">
        <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} data-testid="drafting-anonymous" />
        {t('drafting.anonymous')}
      </label>
      {minutes > 0 && (
        <label className="radio">
          <input type="checkbox" checked={withTimer} onChange={(e) => setWithTimer(e.target.checked)} data-testid="drafting-timer" />
          {t('drafting.withTimer', { minutes })}
        </label>
      )}
      <button type="button" className="primary" onClick={open} data-testid="drafting-open">
        {t('drafting.open')}
      </button>
    </div>
  )
}
