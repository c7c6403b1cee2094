import { useTranslation } from 'react-i18next'
import { ErrorText } from '../ui/ErrorText'
import { randomId } from '../state/randomId'
import { useState } from 'react'
import { useValue } from 'tldraw'
import { ZONE_TYPE } from '../../../shared/src/cards'
import { startVotingRound } from '../../../shared/src/session/startVotingRound'
import { dotsLeft } from '../../../shared/src/session/votes'
import { zoneTitle } from '../../../shared/src/summary/zoneMembership'
import {
  closeVotingRound,
  DEFAULT_DOTS_PER_PERSON,
  MAX_DOTS_PER_PERSON,
  openVotingRound,
  revealVotingRound,
} from '../../../shared/src/session/votingRound'
import { useBoardFacilitation } from './FacilitationContext'

// Dot voting in the facilitation bar: the facilitator opens a round (dots per person, which
// zones, anonymous or not) in any phase (phase 1 suggests it), reveals the results and closes it; everyone sees the
// round's state and participants see how many dots they have left.

export function VotingPanel() {
  const { session, votes, personId, isFacilitator, readOnly } = useBoardFacilitation()
  const { t } = useTranslation()
  const round = session.voting
  return (
    <div className="tavolo-voting" data-testid="voting-panel" data-status={round.status}>
      {round.status === 'open' && (
        <span className="tavolo-voting-status" data-testid="dots-left" aria-live="polite">
          {readOnly ? t('voting.open') : t('voting.openLeft', { left: dotsLeft(votes, personId, round), count: round.dotsPerPerson })}
          {!readOnly && <span className="tavolo-visually-hidden"> {t('keyboard.voteKeys')}</span>}
        </span>
      )}
      {round.status === 'revealed' && <span className="tavolo-voting-status">{t('voting.revealed')}</span>}
      {isFacilitator && <VotingRoundControls />}
    </div>
  )
}

function VotingRoundControls() {
  const { session, doc, writeSession } = useBoardFacilitation()
  const { t } = useTranslation()
  const round = session.voting
  const [setupOpen, setSetupOpen] = useState(false)
  if (round.status === 'open') {
    return (
      <>
        <button type="button" className="primary" onClick={() => writeSession('voting', revealVotingRound(round))} data-testid="voting-reveal">
          {t('voting.reveal')}
        </button>
        <button type="button" onClick={() => writeSession('voting', closeVotingRound(round))} data-testid="voting-close">
          {t('voting.close')}
        </button>
      </>
    )
  }
  return (
    <>
      {round.status === 'revealed' && (
        <button type="button" onClick={() => writeSession('voting', closeVotingRound(round))} data-testid="voting-close">
          {t('voting.hide')}
        </button>
      )}
      <button type="button" onClick={() => setSetupOpen(!setupOpen)} aria-expanded={setupOpen} data-testid="voting-setup">
        {round.status === 'revealed' ? t('voting.newVote') : t('voting.setup')}
      </button>
      {setupOpen && (
        <VotingSetup
          onOpen={(options) => {
            startVotingRound(doc, openVotingRound(options, randomId()))
            setSetupOpen(false)
          }}
          onCancel={() => setSetupOpen(false)}
        />
      )}
    </>
  )
}

function VotingSetup(props: { onOpen(options: { dotsPerPerson: number; zoneIds: string[]; anonymous: boolean }): void; onCancel(): void }) {
  const { editor } = useBoardFacilitation()
  const { t } = useTranslation()
  const zones = useValue(
    'zones',
    () => editor?.getCurrentPageShapesSorted().filter((s) => s.type === ZONE_TYPE).map((s) => ({ id: s.id as string, title: (s.props as { title: string }).title })) ?? [],
    [editor],
  )
  const [dots, setDots] = useState(String(DEFAULT_DOTS_PER_PERSON))
  const [zoneIds, setZoneIds] = useState<string[]>([])
  const [anonymous, setAnonymous] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const open = () => {
    const dotsPerPerson = Number(dots)
    if (!Number.isInteger(dotsPerPerson) || dotsPerPerson < 1 || dotsPerPerson > MAX_DOTS_PER_PERSON) {
      setError(t('voting.dotsInvalid', { max: MAX_DOTS_PER_PERSON }))
      return
    }
    props.onOpen({ dotsPerPerson, zoneIds, anonymous })
  }
  return (
    <div className="tavolo-popover card" role="dialog" aria-label={t('voting.dialog')} data-testid="voting-setup-dialog">
      <label htmlFor="tavolo-dots-per-person">{t('voting.dotsPerPerson')}</label>
      <input id="tavolo-dots-per-person" type="number" min={1} max={MAX_DOTS_PER_PERSON} value={dots} onChange={(e) => setDots(e.target.value)} aria-invalid={error !== null} />
      <ErrorText message={error} />
      <fieldset>
        <legend>{t('voting.cards')}</legend>
        {zones.length === 0 && <p className="hint">{t('voting.everyCard')}</p>}
        {zones.length > 0 && <p className="hint">{t('voting.zonesHint')}</p>}
        {zones.map((zone) => (
          <label key={zone.id} className="radio">
            <input
              type="checkbox"
              checked={zoneIds.includes(zone.id)}
              onChange={(e) => setZoneIds(e.target.checked ? [...zoneIds, zone.id] : zoneIds.filter((id) => id !== zone.id))}
            />
            {zoneTitle(zone.title, t)}
          </label>
        ))}
      </fieldset>
      <label className="radio">
        <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
        {t('voting.anonymous')}
      </label>
      <div className="actions">
        <button type="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" onClick={open} data-testid="voting-open">
          {t('voting.openButton')}
        </button>
      </div>
    </div>
  )
}
