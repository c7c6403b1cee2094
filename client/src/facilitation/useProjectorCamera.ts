import { useEffect } from 'react'
import { react, unsafe__withoutCapture, type Editor, type TLShapeId } from 'tldraw'
import type { ProjectorView } from '../../../shared/src/session/projectorView'
import type { PresentPerson } from '../sync/presence'
import { useFollowFacilitator } from './useFollowFacilitator'

// The projector's camera, as the facilitator chose (session `projectorView`): the whole board or
// one zone fitted to the screen, kept fitted as cards come and go and the window changes size; or
// the facilitator's own view, followed. A zone that is gone falls back to the whole board.

/** Screen pixels kept free around what is fitted. */
const INSET = 24

export function useProjectorCamera(editor: Editor | null, view: ProjectorView, presentPeople: readonly PresentPerson[]): void {
  useFollowFacilitator(view.fit === 'facilitator' ? editor : null, presentPeople)
  const zoneId = view.fit === 'zone' ? view.zoneId : null
  const fitting = view.fit !== 'facilitator'
  useEffect(() => {
    if (!editor || !fitting) return
    if (editor.getInstanceState().followingUserId) editor.stopFollowingUser()
    return react('projector fits its view', () => {
      const zone = zoneId ? editor.getShapePageBounds(zoneId as TLShapeId) : undefined
      const bounds = zone ?? editor.getCurrentPageBounds()
      editor.getViewportScreenBounds()
      // Moving the camera is not something this reaction depends on.
      if (bounds) unsafe__withoutCapture(() => editor.zoomToBounds(bounds, { inset: INSET, immediate: true }))
    })
  }, [editor, zoneId, fitting])
}
