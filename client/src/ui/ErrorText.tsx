/** A form's or panel's error, announced to screen readers as it appears; nothing when null. */
export function ErrorText(props: { message: string | null | undefined; id?: string; testId?: string }) {
  return props.message ? (
    <p role="alert" id={props.id} className="error" data-testid={props.testId}>
      {props.message}
    </p>
  ) : null
}

/** The attributes that tie an input to its `ErrorText` while there is an error. */
export function invalidWhen(error: string | null, errorId: string): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {}
}
