import { useTranslation } from 'react-i18next'
import { randomId } from '../state/randomId'
import { useEffect } from 'react'
import { createUserId, useValue } from 'tldraw'
import { followAction } from '../../../shared/src/session/follow'
import { SEAT_PICKS_ROOT } from '../../../shared/src/doc/roots'
import { seatOf } from '../../../shared/src/levels/tables'
import type { PresentPerson } from '../sync/presence'
import { usePlainMap } from '../sync/usePlainMap'
import { useBoardFacilitation } from './FacilitationContext'

// "Bring everyone here" (and "bring this table here", from the levels panel): the facilitator
// writes a new follow request; each participant it is for then follows the facilitator's view
// until they move on their own (tldraw stops following then), and a button lets them follow again.

// Remembered for this tab, so a reload does not pull someone back to an old request.
const HANDLED_KEY = 'tavolo.followRequestHandled'

export function FollowMe({ presentPeople }: { presentPeople: readonly PresentPerson[] }) {
  const { doc, editor, session, personId, isFacilitator, writeSession } = useBoardFacilitation()
  const seatPicks = usePlainMap(doc, SEAT_PICKS_ROOT)
  const seat = seatOf(session, seatPicks, personId)
  const { t } = useTranslation()
  const request = session.follow
  const following = useValue('following', () => editor?.getInstanceState().followingUserId ?? null, [editor])

  useEffect(() => {
    if (!editor || isFacilitator) return
    const action = followAction(request, sessionStorage.getItem(HANDLED_KEY), personId, seat)
    if (action === 'none' || !request) return
    sessionStorage.setItem(HANDLED_KEY, request.requestId)
    if (action === 'follow') editor.startFollowingUser(createUserId(request.facilitatorId))
  }, [editor, request, personId, isFacilitator, seat])

  if (isFacilitator) {
    return (
      <button
        type="button"
        onClick={() => writeSession('follow', { facilitatorId: personId, requestId: randomId() })}
        title={t('facilitation.bringEveryoneHint')}
        data-testid="bring-everyone"
      >
        {t('facilitation.bringEveryone')}
      </button>
    )
  }
  const facilitator = presentPeople.find((p) => !p.isSelf && p.person.accessRole === 'facilitator')
  if (!editor || !facilitator) return null
  if (following === facilitator.userId) {
    return (
      <span className="tag" data-testid="following-facilitator">
        {t('facilitation.followingFacilitator')}
      </span>
    )
  }
  return (
    <button type="button" onClick={() => editor.startFollowingUser(facilitator.userId)} data-testid="follow-facilitator">
      {t('facilitation.followFacilitator')}
    </button>
  )
}
