/** The server's reason for refusing an image (too big, not an image…), shown to the person who dropped it. */
export function UploadErrorAlert(props: { message: string; onDismiss(): void }) {
  return (
    <div className="upload-error" role="alert" data-testid="upload-error">
      <span>{props.message}</span>
      <button type="button" onClick={props.onDismiss} aria-label="Dismiss">
        ×
      </button>
    </div>
  )
}
