import type { ReactNode } from 'react'

/** A titled part of a panel; `emptyText`, when given, stands in for the content (nothing to list yet). */
export function PanelSection(props: { title: string; emptyText?: string | false | null; children: ReactNode }) {
  return (
    <section aria-label={props.title}>
      <h3>{props.title}</h3>
      {props.emptyText ? <p className="tavolo-summary-muted">{props.emptyText}</p> : props.children}
    </section>
  )
}
