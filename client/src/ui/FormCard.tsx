import type { FormEvent, InputHTMLAttributes, ReactNode } from 'react'

/** One of the Home screen's forms: a card titled by its heading. */
export function FormCard(props: { title: string; headingId: string; testId: string; onSubmit(event: FormEvent): void; children: ReactNode }) {
  return (
    <form className="card" onSubmit={props.onSubmit} aria-labelledby={props.headingId} data-testid={props.testId}>
      <h2 id={props.headingId}>{props.title}</h2>
      {props.children}
    </form>
  )
}

/** A labelled text input of such a form. */
export function TextField(
  props: { id: string; label: string; value: string; onChange(value: string): void } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>,
) {
  const { id, label, value, onChange, ...input } = props
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} value={value} onChange={(e) => onChange(e.target.value)} {...input} />
    </>
  )
}
