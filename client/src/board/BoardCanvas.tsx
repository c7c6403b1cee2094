import { useState, type ReactNode } from 'react'
import { Tldraw, type Editor, type TLCurrentUser, type TLStoreWithStatus } from 'tldraw'
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { TldrawLocale } from '../i18n/TldrawLocale'
import { LicenseBlockedMessage } from './LicenseBlockedMessage'
import { ACCEPTED_IMAGE_TYPES, ACCEPTED_VIDEO_TYPES, keepContentOnOwnOrigin, ownOriginUiOverrides } from './ownOriginContent'
import { removeShapesOfFailedUploads } from './removeShapesOfFailedUploads'
import { tavoloUiOverrides } from '../shapes/shapeUiOverrides'
import { tavoloShapeUtils } from '../shapes'
import { tavoloComponents } from './tldrawComponents'
import { useTldrawLicenseBlocked } from './useTldrawLicenseBlocked'

// Bundled by Vite, so fonts, icons and translations come from our own server, never a CDN.
const assetUrls = getAssetUrlsByImport()
const uiOverrides = [tavoloUiOverrides, ownOriginUiOverrides]

export function BoardCanvas(props: {
  store: TLStoreWithStatus
  /** This person as the editor's user (`useBoardSync().user`): tldraw's own id, name and colour are theirs. */
  user: TLCurrentUser
  licenseKey: string | null
  readOnly: boolean
  onEditor(editor: Editor | null): void
  /** The projector: the board alone, without tldraw's menus and tools. */
  hideUi?: boolean
  className?: string
  /** Shown over the canvas (the projector's "waiting for the facilitator"). */
  children?: ReactNode
}) {
  const [container, setContainer] = useState<HTMLDivElement | null>(null)
  const licenseBlocked = useTldrawLicenseBlocked(container)
  const { readOnly, onEditor } = props

  return (
    <div className={props.className ? `board-canvas ${props.className}` : 'board-canvas'} ref={setContainer} data-testid="board-canvas">
      {licenseBlocked && <LicenseBlockedMessage />}
      {props.children}
      <Tldraw
        store={props.store}
        user={props.user}
        shapeUtils={tavoloShapeUtils}
        overrides={uiOverrides}
        components={tavoloComponents}
        acceptedImageMimeTypes={ACCEPTED_IMAGE_TYPES}
        acceptedVideoMimeTypes={ACCEPTED_VIDEO_TYPES}
        assetUrls={assetUrls}
        licenseKey={props.licenseKey ?? undefined}
        hideUi={props.hideUi}
        onMount={(editor) => {
          // Read-only is session state, not stored: set it on every mount.
          if (readOnly) editor.updateInstanceState({ isReadonly: true })
          keepContentOnOwnOrigin(editor)
          onEditor(editor)
          const stopFollowingOnEscape = (e: KeyboardEvent) => {
            if (e.key === 'Escape' && editor.getInstanceState().followingUserId) editor.stopFollowingUser()
          }
          window.addEventListener('keydown', stopFollowingOnEscape, true)
          const stopRemovingFailedUploads = removeShapesOfFailedUploads(editor)
          return () => {
            stopRemovingFailedUploads()
            window.removeEventListener('keydown', stopFollowingOnEscape, true)
            onEditor(null)
          }
        }}
      >
        <TldrawLocale />
      </Tldraw>
    </div>
  )
}
