import { useTranslation } from 'react-i18next'
import { randomId } from '../state/randomId'
import { useEffect } from 'react'
import { createUserId, useValue } from 'tldraw'
import { shouldStartFollowing } from '../../../shared/src/session/follow'
import type { PresentPerson } from '../sync/presence'
import { useBoardFacilitation } from './FacilitationContext'

// "Bring everyone here": the facilitator writes a new follow request; each participant's view
// then follows the facilitator's until they move on their own (tldraw stops following then),
// and a button lets them follow again.

// Remembered for this tab, so a reload does not pull someone back to an old request.
const HANDLED_KEY = 'tavolo.followRequestHandled'

export function FollowMe({ presentPeople }: { presentPeople: readonly PresentPerson[] }) {
  const { editor, session, personId, isFacilitator, writeSession } = useBoardFacilitation()
  const { t } = useTranslation()
  const request = session.follow
  const following = useValue('following', () => editor?.getInstanceState().followingUserId ?? null, [editor])

  useEffect(() => {
    if (!editor || isFacilitator) return
    if (!shouldStartFollowing(request, sessionStorage.getItem(HANDLED_KEY), personId)) return
    sessionStorage.setItem(HANDLED_KEY, request.requestId)
    editor.startFollowingUser(createUserId(request.facilitatorId))
  }, [editor, request, personId, isFacilitator])

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
