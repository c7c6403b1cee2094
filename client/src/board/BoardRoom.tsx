import { useTranslation } from 'react-i18next'
import { useCallback, useMemo, useState } from 'react'
import { createUserId, useValue, type Editor, type TLUserId } from 'tldraw'
import type { BoardInfo } from '../api'
import { ScreenMessage } from '../screens/ScreenMessage'
import { localIdentity } from '../state/identity'
import { useLocalStore, type BoardMembership } from '../state/localStore'
import { ExportMenu } from '../export/ExportMenu'
import { FacilitationProvider } from '../facilitation/FacilitationContext'
import { FacilitationLayer } from '../facilitation/FacilitationLayer'
import { bindDraft } from '../levels/bindDraft'
import { useBoardSync } from '../sync/useBoardSync'
import { createBoardAssetStore } from './assetStore'
import { BoardCanvas } from './BoardCanvas'
import { BoardLayout } from './BoardLayout'
import { EditMeDialog } from './EditMeDialog'
import { ShareDialog } from './ShareDialog'
import { tavoloShapeUtils } from '../shapes'
import { TopBar } from './TopBar'
import { useBoardHandle } from './useBoardHandle'
import { UploadErrorAlert } from './UploadErrorAlert'

// The board itself: one sync session (provider, store) for as long as this component lives;
// editing my name or opening dialogs never remounts it.
export function BoardRoom(props: { info: BoardInfo; secret: string; membership: BoardMembership; licenseKey: string | null }) {
  const { info, secret, membership: profile } = props
  const { t } = useTranslation()
  const { personId, token } = profile
  const { colour } = localIdentity()
  const [shareOpen, setShareOpen] = useState(false)
  const [editingMe, setEditingMe] = useState(false)
  const setProfile = useLocalStore((s) => s.setProfile)
  const [uploadError, setUploadError] = useState<string | null>(null)
  const [editor, setEditor] = useState<Editor | null>(null)

  const readOnly = info.role === 'viewer'
  const person = useMemo(
    () => ({ id: personId, name: profile.name, role: profile.role, colour }),
    [personId, profile.name, profile.role, colour],
  )
  const assets = useMemo(
    () => createBoardAssetStore({ boardId: info.id, secret, onUploadError: setUploadError }),
    [info.id, secret],
  )
  const sync = useBoardSync({ boardId: info.id, secret, token, person, shapeUtils: tavoloShapeUtils, readOnly, assets, accessRole: info.role, bindDraft })
  useBoardHandle(editor, sync.doc, sync.draftProvider?.doc ?? null)

  const followingId = useValue('following', () => editor?.getInstanceState().followingUserId ?? null, [editor])
  const follow = useCallback((id: string) => editor?.startFollowingUser(id as TLUserId), [editor])
  const stopFollowing = useCallback(() => editor?.stopFollowingUser(), [editor])
  const closeShare = useCallback(() => setShareOpen(false), [setShareOpen])
  const closeEditMe = useCallback(() => setEditingMe(false), [setEditingMe])

  if (sync.tooOld) {
    return (
      <ScreenMessage title={t('board.tooOldTitle')} testId="too-old">
        <p>{t('board.tooOldText')}</p>
        <button type="button" className="primary" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </button>
      </ScreenMessage>
    )
  }

  // Before awareness has started (loading, offline first load) still show who I am.
  const people = sync.presentPeople.some((p) => p.isSelf)
    ? sync.presentPeople
    : [{ clientId: 0, userId: createUserId(personId), person: { ...person, accessRole: info.role }, isSelf: true }, ...sync.presentPeople]

  return (
    // Around the top bar too: the people list shows where each person sits.
    <FacilitationProvider doc={sync.doc} editor={editor} personId={personId} isFacilitator={info.role === 'facilitator'} readOnly={readOnly}>
      <div className="board-screen">
        <TopBar
          title={info.title}
          connection={sync.connection}
          readOnly={readOnly}
          canShare={info.role === 'facilitator'}
          people={people}
          followingId={followingId}
          onFollow={follow}
          onStopFollowing={stopFollowing}
          onEditMe={() => setEditingMe(true)}
          onShare={() => setShareOpen(true)}
          exportMenu={<ExportMenu boardId={info.id} secret={secret} boardTitle={info.title} role={info.role} editor={editor} />}
        />
        <main className="board-main">
          <FacilitationLayer
            boardId={info.id}
            secret={secret}
            onStartAfresh={sync.clearLocalCopy}
            provider={sync.provider}
            draftProvider={sync.draftProvider}
            presentPeople={sync.presentPeople}
          >
            <BoardLayout doc={sync.doc} personId={personId} editor={editor} isFacilitator={info.role === 'facilitator'}>
              <BoardCanvas store={sync.store} user={sync.user} licenseKey={props.licenseKey} readOnly={readOnly} onEditor={setEditor} />
            </BoardLayout>
          </FacilitationLayer>
        </main>
        {uploadError && <UploadErrorAlert message={uploadError} onDismiss={() => setUploadError(null)} />}
        {shareOpen && <ShareDialog boardId={info.id} facilitatorSecret={secret} onClose={closeShare} />}
        {editingMe && (
          <EditMeDialog
            boardTitle={info.title}
            accessRole={info.role}
            profile={profile}
            onSave={(p) => {
              setProfile(info.id, secret, p)
              setEditingMe(false)
            }}
            onClose={closeEditMe}
          />
        )}
      </div>
    </FacilitationProvider>
  )
}
