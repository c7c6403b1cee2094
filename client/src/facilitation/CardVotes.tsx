import { useTranslation } from 'react-i18next'
import type { PointerEvent } from 'react'
import { useValue, type TLShapeId } from 'tldraw'
import { VOTES_ROOT } from '../../../shared/src/doc/roots'
import { addDot, canRemoveDot, canVote, dotsOnCard, removeDot } from '../../../shared/src/session/votes'
import { useFacilitation, type Facilitation } from './FacilitationContext'
import { useRanking } from './useRanking'
import { zoneOfCard } from '../cards/zoneOnPage'

// On each card: while a round is open, my dots on it with buttons to add and take back one;
// once the facilitator reveals the results, the card's rank and total. Nothing outside a board.

export function CardVotes({ shapeId }: { shapeId: TLShapeId }) {
  const facilitation = useFacilitation()
  if (!facilitation?.editor) return null
  const status = facilitation.session.voting.status
  if (status === 'open' && !facilitation.readOnly) return <VoteButtons facilitation={facilitation} shapeId={shapeId} />
  if (status === 'revealed') return <RankBadge facilitation={facilitation} shapeId={shapeId} />
  return null
}

function VoteButtons({ facilitation, shapeId }: { facilitation: Facilitation; shapeId: TLShapeId }) {
  const { editor, doc, votes, personId, session } = facilitation
  const { t } = useTranslation()
  const round = session.voting
  const zoneId = useValue('card zone', () => {
    const shape = editor!.getShape(shapeId)
    return shape ? zoneOfCard(editor!, shape) : null
  }, [editor, shapeId])
  const check = canVote({ round, votes, personId, cardZoneId: zoneId })
  if (!check.ok && check.reason === 'zone-not-open') return null
  const mine = dotsOnCard(votes, shapeId, personId)
  const votesMap = doc.getMap(VOTES_ROOT)
  // Pointer events on these buttons are the buttons', not the canvas's (no drag, no select).
  const handled = (e: PointerEvent) => editor!.markEventAsHandled(e)
  return (
    <div className="tavolo-card-votes" style={{ pointerEvents: 'all' }} onPointerDown={handled} data-testid="card-votes" data-my-dots={mine}>
      <span className="tavolo-card-dots" aria-label={t('votes.myDots', { count: mine })}>
        {'●'.repeat(mine) || t('votes.noDots')}
      </span>
      <button
        type="button"
        className="tavolo-vote-button"
        disabled={!check.ok}
        title={check.ok ? t('votes.addDotHint') : t(`votes.${check.reason}`)}
        aria-label={t('votes.addDot')}
        onClick={() => addDot(votesMap, shapeId, personId)}
        data-testid="vote-add"
      >
        +
      </button>
      <button
        type="button"
        className="tavolo-vote-button"
        disabled={!canRemoveDot({ round, votes, personId, cardId: shapeId })}
        aria-label={t('votes.removeDot')}
        onClick={() => removeDot(votesMap, shapeId, personId)}
        data-testid="vote-remove"
      >
        −
      </button>
    </div>
  )
}

function RankBadge({ facilitation, shapeId }: { facilitation: Facilitation; shapeId: TLShapeId }) {
  const ranked = useRanking(facilitation).find((card) => card.cardId === shapeId)
  const { t } = useTranslation()
  if (!ranked || ranked.dots === 0) return null
  return (
    <div className="tavolo-rank-badge" data-testid="rank-badge" data-rank={ranked.rank} data-dots={ranked.dots}>
      #{ranked.rank} · {t('votes.dots', { count: ranked.dots })}
    </div>
  )
}
