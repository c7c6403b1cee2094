import { useTranslation } from 'react-i18next'
import { useEffect } from 'react'
import type { AccessRole } from '../../../shared/src/roles'
import { ProfileForm } from '../screens/JoinScreen'
import type { LocalProfile } from '../state/localStore'

export function EditMeDialog(props: {
  boardTitle: string
  accessRole: AccessRole
  profile: LocalProfile
  onSave(profile: LocalProfile): void
  onClose(): void
}) {
  const { onClose } = props
  const { t } = useTranslation()
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose()
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div className="modal" role="dialog" aria-modal="true" aria-label={t('board.editMe')} onClick={(e) => e.stopPropagation()}>
        <ProfileForm
          boardTitle={props.boardTitle}
          accessRole={props.accessRole}
          initial={props.profile}
          suggestedName={props.profile.name}
          onDone={props.onSave}
          onCancel={onClose}
        />
      </div>
    </div>
  )
}
