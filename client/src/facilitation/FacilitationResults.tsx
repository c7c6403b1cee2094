import { PEOPLE_ROOT } from '../../../shared/src/doc/roots'
import { PERSON_ROLE_LABELS, PERSON_ROLES } from '../../../shared/src/roles'
import { RATINGS, summariseRatings } from '../../../shared/src/session/ratings'
import { votersByCard } from '../../../shared/src/session/votes'
import { useFacilitation, type Facilitation } from './FacilitationContext'
import { usePlainMap } from '../sync/usePlainMap'
import { useRanking } from './useRanking'

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

/** A card's title (or an idea's text), shortened to one line of the ranking. */
function cardTitle(facilitation: Facilitation, cardId: string): string {
  const props = (facilitation.editor?.getShape(cardId as never)?.props ?? {}) as { title?: unknown; text?: unknown }
  const text = [props.title, props.text].find((v): v is string => typeof v === 'string' && v.trim() !== '')?.trim()
  if (!text) return 'Untitled card'
  return text.length > TITLE_MAX_LENGTH ? `${text.slice(0, TITLE_MAX_LENGTH - 1)}…` : text
}

function VoteRanking({ facilitation }: { facilitation: Facilitation }) {
  const ranked = useRanking(facilitation).filter((card) => card.dots > 0)
  const people = usePlainMap(facilitation.doc, PEOPLE_ROOT)
  const voters = votersByCard(facilitation.votes, facilitation.session.voting)
  const nameOf = (personId: string) => {
    const entry = people[personId] as { name?: unknown } | undefined
    return typeof entry?.name === 'string' ? entry.name : 'Someone'
  }
  return (
    <section aria-label="Vote ranking">
      <h3>Vote ranking</h3>
      {ranked.length === 0 ? (
        <p className="tavolo-summary-muted">No dots were placed.</p>
      ) : (
        <ol className="tavolo-ranking" data-testid="vote-ranking">
          {ranked.map((card) => (
            <li key={card.cardId} data-card-id={card.cardId} data-rank={card.rank}>
              <span className="tavolo-ranking-rank">#{card.rank}</span> <span className="tavolo-ranking-title">{cardTitle(facilitation, card.cardId)}</span>{' '}
              <span className="tavolo-ranking-dots">{card.dots} {card.dots === 1 ? 'dot' : 'dots'}</span>
              {voters?.get(card.cardId) && (
                <span className="tavolo-ranking-voters">{voters.get(card.cardId)!.map((v) => `${nameOf(v.personId)} ${v.dots}`).join(', ')}</span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

function RatingResults({ facilitation }: { facilitation: Facilitation }) {
  const people = usePlainMap(facilitation.doc, PEOPLE_ROOT)
  const summaries = summariseRatings(facilitation.ratings, people, facilitation.session.criteria)
  if (summaries.every((s) => s.count === 0)) return null
  const shown = (average: number | null) => (average === null ? '–' : average.toFixed(1))
  return (
    <section aria-label="Ratings">
      <h3>Ratings (average of 5)</h3>
      <ul className="tavolo-rating-results" data-testid="rating-summary">
        {summaries.map((s) => (
          <li key={s.criterion} data-criterion={s.criterion}>
            <span className="tavolo-rating-results-name">{s.criterion}</span>{' '}
            <span className="tavolo-rating-results-average" data-testid="rating-average">
              {shown(s.average)}
            </span>{' '}
            <span className="tavolo-summary-muted">
              ({s.count} {s.count === 1 ? 'rating' : 'ratings'})
            </span>
            <span className="tavolo-rating-results-detail">
              Given 1 to 5: <span data-testid="rating-distribution">{RATINGS.map((r) => s.distribution[r]).join(' · ')}</span>
            </span>
            <span className="tavolo-rating-results-detail" data-testid="rating-by-role">
              {PERSON_ROLES.filter((role) => s.byRole[role].count > 0)
                .map((role) => `${PERSON_ROLE_LABELS[role]} ${shown(s.byRole[role].average)}`)
                .join(' · ')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
