import { useEffect } from 'react'
import { useValue, type Editor } from 'tldraw'
import type { PresentPerson } from '../sync/presence'

/** Keeps `editor` following the connected facilitator (the projector's view), and again if it stops. */
export function useFollowFacilitator(editor: Editor | null, presentPeople: readonly PresentPerson[]): void {
  const following = useValue('following', () => editor?.getInstanceState().followingUserId ?? null, [editor])
  const facilitator = presentPeople.find((p) => !p.isSelf && p.person.accessRole === 'facilitator')
  const facilitatorUserId = facilitator?.userId ?? null
  useEffect(() => {
    if (editor && facilitatorUserId && following !== facilitatorUserId) editor.startFollowingUser(facilitatorUserId)
  }, [editor, facilitatorUserId, following])
}
