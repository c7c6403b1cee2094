import { useTranslation } from 'react-i18next'
import { useState, type FormEvent } from 'react'
import { BOARD_FILE_MAX_BYTES, sizeText } from '../../../shared/src/export/boardFile/format'
import { importBoardFile } from '../api'
import { useNewBoardSubmit } from '../screens/openNewBoard'
import { FormCard } from '../ui/FormCard'
import { ErrorText, invalidWhen } from '../ui/ErrorText'

// "Import a board file" on the Home screen: the server checks the file and makes a new board of it
// (new id, new secrets); this browser then keeps it as a workshop it created and opens it as its
// facilitator, exactly like "New workshop".

export function ImportBoardForm() {
  const { t } = useTranslation()
  const [file, setFile] = useState<File | null>(null)
  const { busy: importing, error, setError, submit } = useNewBoardSubmit()

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    if (!file) {
      setError(t('errors.chooseFile'))
      return
    }
    if (file.size > BOARD_FILE_MAX_BYTES) {
      // Refused here rather than uploaded in vain: the server would stop reading at the limit.
      setError(t('serverErrors.board-file-too-large', { size: sizeText(file.size), max: sizeText(BOARD_FILE_MAX_BYTES) }))
      return
    }
    await submit(() => importBoardFile(file))
  }

  return (
    <FormCard title={t('import.title')} headingId="import-heading" testId="import-form" onSubmit={onSubmit}>
      <p className="hint">{t('import.hint')}</p>
      <label htmlFor="import-file">{t('import.file')}</label>
      <input
        id="import-file"
        type="file"
        accept=".json,application/json"
        onChange={(e) => {
          setFile(e.target.files?.[0] ?? null)
          setError(null)
        }}
        {...invalidWhen(error, 'import-error')}
      />
      <button type="submit" className="primary" disabled={importing}>
        {importing ? t('import.importing') : t('import.button')}
      </button>
      <ErrorText message={error} id="import-error" testId="import-error" />
    </FormCard>
  )
}
