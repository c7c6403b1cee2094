import { PanelSection } from '../ui/PanelSection'
import { useTranslation } from 'react-i18next'
import { PEOPLE_ROOT } from '../../../shared/src/doc/roots'
import type { TFunction } from 'i18next'
import { PERSON_ROLES } from '../../../shared/src/roles'
import { RATINGS, summariseRatings } from '../../../shared/src/session/ratings'
import { votersByCard } from '../../../shared/src/session/votes'
import { useFacilitation, type Facilitation } from './FacilitationContext'
import { usePlainMap } from '../sync/usePlainMap'
import { formatNumber } from '../../../shared/src/i18n'
import { useRanking } from './useRanking'
import { cardLabel } from '../../../shared/src/export/cardLabel'

// The summary panel's facilitation sections: the vote ranking once revealed, and the ratings'
// averages with their distribution by role once anyone has rated.

export function FacilitationResults() {
  const facilitation = useFacilitation()
  if (!facilitation?.editor) return null
  return (
    <>
      {facilitation.session.voting.status === 'revealed' && <VoteRanking facilitation={facilitation} />}
      <RatingResults facilitation={facilitation} />
    </>
  )
}

const TITLE_MAX_LENGTH = 60
const ONE_DECIMAL = { minimumFractionDigits: 1, maximumFractionDigits: 1 }

/** A card's label as the exports name it, shortened to one line of the ranking. */
function cardTitle(facilitation: Facilitation, cardId: string, t: TFunction): string {
  const shape = facilitation.editor?.getShape(cardId as never)
  return shape ? cardLabel(shape, t, TITLE_MAX_LENGTH) : t('common.deletedCard')
}

function VoteRanking({ facilitation }: { facilitation: Facilitation }) {
  const ranked = useRanking(facilitation).filter((card) => card.dots > 0)
  const { t } = useTranslation()
  const people = usePlainMap(facilitation.doc, PEOPLE_ROOT)
  const voters = votersByCard(facilitation.votes, facilitation.session.voting)
  const nameOf = (personId: string) => {
    const entry = people[personId] as { name?: unknown } | undefined
    return typeof entry?.name === 'string' ? entry.name : t('votes.someone')
  }
  return (
    <PanelSection title={t('votes.ranking')} emptyText={ranked.length === 0 && t('votes.noneCast')}>
      <ol className="tavolo-ranking" data-testid="vote-ranking">
        {ranked.map((card) => (
          <li key={card.cardId} data-card-id={card.cardId} data-rank={card.rank}>
            <span className="tavolo-ranking-rank">#{card.rank}</span> <span className="tavolo-ranking-title">{cardTitle(facilitation, card.cardId, t)}</span>{' '}
            <span className="tavolo-ranking-dots">{t('votes.dots', { count: card.dots })}</span>
            {voters?.get(card.cardId) && (
              <span className="tavolo-ranking-voters">{voters.get(card.cardId)!.map((v) => `${nameOf(v.personId)} ${v.dots}`).join(', ')}</span>
            )}
          </li>
        ))}
      </ol>
    </PanelSection>
  )
}

function RatingResults({ facilitation }: { facilitation: Facilitation }) {
  const { t, i18n } = useTranslation()
  const people = usePlainMap(facilitation.doc, PEOPLE_ROOT)
  const summaries = summariseRatings(facilitation.ratings, people, facilitation.session.criteria)
  if (summaries.every((s) => s.count === 0)) return null
  const shown = (average: number | null) => (average === null ? '–' : formatNumber(i18n.language, average, ONE_DECIMAL))
  return (
    <section aria-label={t('ratings.results')}>
      <h3>{t('ratings.resultsTitle')}</h3>
      <ul className="tavolo-rating-results" data-testid="rating-summary">
        {summaries.map((s) => (
          <li key={s.criterion} data-criterion={s.criterion}>
            <span className="tavolo-rating-results-name">{s.criterion}</span>{' '}
            <span className="tavolo-rating-results-average" data-testid="rating-average">
              {shown(s.average)}
            </span>{' '}
            <span className="tavolo-summary-muted">
              {t('ratings.count', { count: s.count })}
            </span>
            <span className="tavolo-rating-results-detail">
              {t('ratings.distribution')} <span data-testid="rating-distribution">{RATINGS.map((r) => s.distribution[r]).join(' · ')}</span>
            </span>
            <span className="tavolo-rating-results-detail" data-testid="rating-by-role">
              {PERSON_ROLES.filter((role) => s.byRole[role].count > 0)
                .map((role) => `${t(`roles.${role}`)} ${shown(s.byRole[role].average)}`)
                .join(' · ')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
