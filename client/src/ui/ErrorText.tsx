/** A form's or panel's error, announced to screen readers as it appears; nothing when null. */
export function ErrorText(props: { message: string | null | undefined }) {
  return props.message ? (
    <p role="alert" className="error">
      {props.message}
    </p>
  ) : null
}
