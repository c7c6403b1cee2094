import { useTranslation } from 'react-i18next'
import { ErrorText } from '../ui/ErrorText'
import { useId, useState, type FormEvent } from 'react'
import { PARTICIPANT_ROLES, type AccessRole, type PersonRole } from '../../../shared/src/roles'
import { MAX_PERSON_NAME_LENGTH } from '../../../shared/src/wire/limits'
import { describeError } from '../api'
import type { LocalProfile } from '../state/localStore'

// Asked the first time a person opens a board, and again from "Edit me". The facilitator link
// makes you the facilitator; everyone else says which side of the co-production they are on.

export interface ProfileFormProps {
  boardTitle: string
  accessRole: AccessRole
  initial: LocalProfile | null
  suggestedName: string
  /** May fail (joining asks the server): the form then shows the error and stays. */
  onDone(profile: LocalProfile): void | Promise<void>
  onCancel?(): void
}

export function JoinScreen(props: ProfileFormProps) {
  return (
    <main className="join">
      <ProfileForm {...props} />
    </main>
  )
}

/** The name-and-role form, also shown in a dialog by "Edit me" on the board. */
export function ProfileForm(props: ProfileFormProps) {
  const isFacilitator = props.accessRole === 'facilitator'
  const { t } = useTranslation()
  const [name, setName] = useState(props.initial?.name ?? props.suggestedName)
  const [role, setRole] = useState<PersonRole | ''>(isFacilitator ? 'facilitator' : (props.initial?.role ?? ''))
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const nameId = useId()

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    const trimmed = name.trim()
    if (!trimmed) return setError(t('join.nameMissing'))
    if (!role) return setError(t('join.roleMissing'))
    setBusy(true)
    try {
      await props.onDone({ name: trimmed.slice(0, MAX_PERSON_NAME_LENGTH), role })
    } catch (failure) {
      setError(describeError(failure))
      setBusy(false)
    }
  }

  return (
    <form className="card" onSubmit={(e) => void onSubmit(e)} data-testid="join-screen" aria-labelledby="join-screen-heading">
      <h1 id="join-screen-heading">{props.initial ? t('join.editTitle') : t('join.title', { title: props.boardTitle })}</h1>
      {props.accessRole === 'viewer' && <p className="hint">{t('join.viewOnly')}</p>}
      <label htmlFor={nameId}>{t('join.name')}</label>
      <input id={nameId} value={name} onChange={(e) => setName(e.target.value)} maxLength={MAX_PERSON_NAME_LENGTH} autoFocus autoComplete="name" />
      <fieldset>
        <legend>{t('join.role')}</legend>
        {isFacilitator ? (
          <p>{t('join.facilitatorLink', { role: t('roles.facilitator') })}</p>
        ) : (
          PARTICIPANT_ROLES.map((r) => (
            <label key={r} className="radio">
              <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} />
              {t(`roles.${r}`)}
            </label>
          ))
        )}
      </fieldset>
      <div className="actions">
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {props.initial ? t('common.save') : t('join.enter')}
        </button>
      </div>
      <ErrorText message={error} />
    </form>
  )
}
