import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useValue } from 'tldraw'
import { ZONE_TYPE } from '../../../shared/src/cards'
import { zoneTitle } from '../../../shared/src/summary/zoneMembership'
import type { ProjectorView } from '../../../shared/src/session/projectorView'
import { useBoardFacilitation } from './FacilitationContext'

// The facilitator picks what the wall shows: the whole board, one zone (the one being
// discussed), or their own view. Written to the session, so every projector follows at once.

export function ProjectorViewControl() {
  const { session, editor, writeSession } = useBoardFacilitation()
  const { t } = useTranslation()
  const id = useId()
  const zones = useValue(
    'zones',
    () => editor?.getCurrentPageShapesSorted().filter((s) => s.type === ZONE_TYPE).map((s) => ({ id: s.id as string, title: (s.props as { title: string }).title })) ?? [],
    [editor],
  )
  const view = session.projectorView
  const value = view.fit === 'zone' ? `zone:${view.zoneId}` : view.fit
  const choose = (chosen: string): ProjectorView =>
    chosen.startsWith('zone:') ? { fit: 'zone', zoneId: chosen.slice('zone:'.length) } : { fit: chosen === 'facilitator' ? 'facilitator' : 'board' }
  return (
    <span className="tavolo-projector-view">
      <label htmlFor={id}>{t('projector.wallShows')}</label>
      <select id={id} value={value} onChange={(e) => writeSession('projectorView', choose(e.target.value))} data-testid="projector-view">
        <option value="board">{t('projector.wallBoard')}</option>
        {zones.map((zone) => (
          <option key={zone.id} value={`zone:${zone.id}`}>
            {zoneTitle(zone.title, t)}
          </option>
        ))}
        <option value="facilitator">{t('projector.wallMyView')}</option>
      </select>
    </span>
  )
}
