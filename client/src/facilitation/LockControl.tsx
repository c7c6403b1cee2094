import { useTranslation } from 'react-i18next'
import { useEffect, useRef } from 'react'
import { useValue } from 'tldraw'
import { SEAT_PICKS_ROOT, SESSION_ROOT } from '../../../shared/src/doc/roots'
import { levelAccess } from '../../../shared/src/rules/tableEditingRule'
import { isLockableType, isLocked, withLock } from '../../../shared/src/session/locks'
import { usePlainMap } from '../sync/usePlainMap'
import { useBoardFacilitation, useFacilitation } from './FacilitationContext'
import { enforceLocks } from './lockEnforcement'

// The facilitator locks the selected zone or frame. The relay refuses anyone else's change inside
// it (shared/src/rules/lockRule.ts), and a participant's change at a level they may not write
// (tableEditingRule.ts); each participant's editor also stops both before they are sent. The button's
// label says what a press does, so it carries no aria-pressed ("Unlock zone, pressed" reads as nonsense).

export function LockControl() {
  const { doc, editor, session, isFacilitator, personId, writeSession } = useBoardFacilitation()
  const { t } = useTranslation()
  const locksRef = useRef(session.locks)
  locksRef.current = session.locks
  const plainSession = usePlainMap(doc, SESSION_ROOT)
  const seatPicks = usePlainMap(doc, SEAT_PICKS_ROOT)
  const access = levelAccess(plainSession, seatPicks, personId)
  const accessRef = useRef(access)
  accessRef.current = access

  useEffect(() => {
    if (!editor || isFacilitator) return
    return enforceLocks(editor, () => locksRef.current, () => accessRef.current)
  }, [editor, isFacilitator])

  const selected = useValue(
    'selected lockable shape',
    () => {
      const shapes = editor?.getSelectedShapes() ?? []
      return shapes.length === 1 && isLockableType(shapes[0].type) ? { id: shapes[0].id, kind: shapes[0].type === 'frame' ? ('frame' as const) : ('zone' as const) } : null
    },
    [editor],
  )
  if (!isFacilitator || !selected) return null
  const locked = isLocked(session.locks, selected.id)
  return (
    <button type="button" onClick={() => writeSession('locks', withLock(session.locks, selected.id, !locked))} data-testid="lock-toggle">
      <LockIcon /> {locked ? t(`facilitation.unlock_${selected.kind}`) : t(`facilitation.lock_${selected.kind}`)}
    </button>
  )
}

/** The lock icon on a locked zone; nothing outside a board or when unlocked. */
export function ZoneLockBadge({ shapeId }: { shapeId: string }) {
  const facilitation = useFacilitation()
  const { t } = useTranslation()
  if (!facilitation || !isLocked(facilitation.session.locks, shapeId)) return null
  return (
    <span className="tavolo-zone-lock" role="img" aria-label={t('facilitation.locked')} title={t('facilitation.locked')} data-testid="zone-lock">
      <LockIcon />
    </span>
  )
}

/** A padlock drawn inline: emoji fonts are missing on some projector PCs. */
function LockIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" className="tavolo-lock-icon">
      <rect x="3" y="7" width="10" height="8" rx="1.5" fill="currentColor" />
      <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  )
}
