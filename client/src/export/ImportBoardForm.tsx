import { useTranslation } from 'react-i18next'
import { useState, type FormEvent } from 'react'
import { BOARD_FILE_MAX_BYTES, sizeText } from '../../../shared/src/export/boardFile/format'
import { describeError, importBoardFile } from '../api'
import { openNewBoard } from '../screens/openNewBoard'

// "Import a board file" on the Home screen: the server checks the file and makes a new board of it
// (new id, new secrets); this browser then keeps it as a workshop it created and opens it as its
// facilitator, exactly like "New workshop".

export function ImportBoardForm() {
  const { t } = useTranslation()
  const [file, setFile] = useState<File | null>(null)
  const [importing, setImporting] = useState(false)
  const [error, setError] = useState<string | null>(null)

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
    setImporting(true)
    setError(null)
    try {
      openNewBoard(await importBoardFile(file))
    } catch (e) {
      setError(describeError(e))
      setImporting(false)
    }
  }

  return (
    <form className="card" onSubmit={onSubmit} aria-labelledby="import-heading" data-testid="import-form">
      <h2 id="import-heading">{t('import.title')}</h2>
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
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'import-error' : undefined}
      />
      <button type="submit" className="primary" disabled={importing}>
        {importing ? t('import.importing') : t('import.button')}
      </button>
      {error && (
        <p role="alert" id="import-error" className="error" data-testid="import-error">
          {error}
        </p>
      )}
    </form>
  )
}
