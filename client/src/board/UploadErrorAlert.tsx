import { useTranslation } from 'react-i18next'
/** The server's reason for refusing an image (too big, not an image…), shown to the person who dropped it. */
export function UploadErrorAlert(props: { message: string; onDismiss(): void }) {
  const { t } = useTranslation()
  return (
    <div className="upload-error" role="alert" data-testid="upload-error">
      <span>{props.message}</span>
      <button type="button" onClick={props.onDismiss} aria-label={t('common.dismiss')}>
        ×
      </button>
    </div>
  )
}
