import { useTranslation } from 'react-i18next'
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { useEditor, type TLShape } from 'tldraw'
import { editedCardMeta } from '../../../../shared/src/cards'
import { fieldValue, type CardDefinition, type CardField } from '../../../../shared/src/cards'
import { cardTypeName, cardWords } from '../../i18n/cardText'

// The form a card shows while it is being edited. Every change is written at once (others see
// it live); a number that does not parse stays in the field with its message and is not stored.
// Enter leaves (Shift+Enter is a new line in long text), Escape leaves (tldraw handles it), Tab
// and Shift+Tab cycle through the fields.

export function CardFieldEditor(props: { shape: TLShape; definition: CardDefinition; personId: string | null }) {
  const editor = useEditor()
  const { shape, definition, personId } = props
  const { t, i18n } = useTranslation()
  const words = cardWords(t, i18n.language, definition.type)
  const form = useRef<HTMLFormElement>(null)
  // autoFocus alone loses to tldraw, which focuses its container when a double-click ends: put
  // the focus on the first field once the gesture is over, unless someone already moved it.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const element = form.current
      if (element && !element.contains(document.activeElement)) element.querySelector<HTMLElement>('input, textarea, select')?.focus()
    })
    return () => cancelAnimationFrame(frame)
  }, [])

  const write = (key: string, value: unknown) => {
    const current = editor.getShape(shape.id)
    if (!current) return
    editor.updateShape({
      id: shape.id,
      type: shape.type,
      props: { [key]: value },
      ...(personId ? { meta: editedCardMeta(current.meta, personId, Date.now()) } : {}),
    } as Parameters<typeof editor.updateShape>[0])
  }

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    const target = e.target as HTMLElement
    // An Enter that confirms an input method's composition (Japanese, Chinese…) is not for us.
    if (e.nativeEvent.isComposing) return
    if (e.key === 'Enter' && !(e.shiftKey && target instanceof HTMLTextAreaElement)) {
      e.preventDefault()
      editor.complete()
    } else if (e.key === 'Tab') {
      const controls = [...e.currentTarget.querySelectorAll<HTMLElement>('input, textarea, select')]
      const at = controls.indexOf(target)
      const next = e.shiftKey ? (at <= 0 ? controls.length - 1 : at - 1) : (at + 1) % controls.length
      e.preventDefault()
      controls[next]?.focus()
    }
  }

  return (
    <form
      ref={form}
      className="tavolo-card-editor"
      aria-label={t('card.edit', { type: cardTypeName(t, definition.type).toLowerCase() })}
      onSubmit={(e) => e.preventDefault()}
      onKeyDown={onKeyDown}
      // The form is on the canvas: pointer events here are for the fields, not for tldraw.
      onPointerDown={(e) => editor.markEventAsHandled(e)}
    >
      {definition.fields.map((field, order) => (
        <FieldControl
          key={field.key}
          field={field}
          words={words}
          value={fieldValue(shape.props, field)}
          autoFocus={order === 0}
          onChange={(value) => write(field.key, value)}
        />
      ))}
    </form>
  )
}

function FieldControl(props: { field: CardField; words: CardText; value: unknown; autoFocus: boolean; onChange(value: unknown): void }) {
  const { field, words, value, autoFocus, onChange } = props
  const id = useId()
  const common = { id, name: field.key, autoFocus }
  switch (field.kind) {
    case 'text':
      return (
        <div className="tavolo-field">
          <label htmlFor={id}>{words.label(field)}</label>
          <input {...common} type="text" value={stringValue(value)} onChange={(e) => onChange(e.target.value)} />
        </div>
      )
    case 'longText':
      return (
        <div className="tavolo-field">
          <label htmlFor={id}>{words.label(field)}</label>
          <textarea {...common} rows={3} value={stringValue(value)} onChange={(e) => onChange(e.target.value)} />
        </div>
      )
    case 'choice':
      return (
        <div className="tavolo-field">
          <label htmlFor={id}>{words.label(field)}</label>
          <select {...common} value={stringValue(value)} onChange={(e) => onChange(e.target.value)}>
            {field.options.map((option) => (
              <option key={option.value} value={option.value}>
                {words.option(field, option.value, option.label)}
              </option>
            ))}
          </select>
        </div>
      )
    case 'number':
      return <NumberControl {...props} field={field} id={id} />
  }
}

function NumberControl(props: {
  field: Extract<CardField, { kind: 'number' }>
  words: CardText
  id: string
  value: unknown
  autoFocus: boolean
  onChange(value: number): void
}) {
  const { field, id } = props
  const { t } = useTranslation()
  // The typed text stays local while it is not a valid number; the card keeps its stored value.
  const [draft, setDraft] = useState(() => (typeof props.value === 'number' ? String(props.value) : ''))
  const [message, setMessage] = useState<string | null>(null)
  const messageId = `${id}-message`
  return (
    <div className="tavolo-field">
      <label htmlFor={id}>{props.words.label(field)}</label>
      <input
        id={id}
        name={field.key}
        type="text"
        inputMode="decimal"
        autoFocus={props.autoFocus}
        value={draft}
        aria-invalid={message !== null}
        aria-describedby={message ? messageId : undefined}
        onChange={(e) => {
          setDraft(e.target.value)
          const parsed = field.parse(e.target.value)
          setMessage(parsed.ok ? null : t(field.unit === '%' ? 'card.weightInvalid' : 'card.hoursInvalid'))
          if (parsed.ok) props.onChange(parsed.value)
        }}
      />
      {message && (
        <p className="tavolo-field-message" id={messageId} role="alert" data-testid="field-message">
          {message}
        </p>
      )}
    </div>
  )
}

type CardText = ReturnType<typeof cardWords>

function stringValue(value: unknown): string {
  return typeof value === 'string' ? value : ''
}
