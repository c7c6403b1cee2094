import { useTranslation } from 'react-i18next'
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import type { Editor } from 'tldraw'
import { exportFileName } from '../../../shared/src/export/exportFormats'
import type { AccessRole } from '../../../shared/src/roles'
import { describeError, fetchBoardExport } from '../api'
import { useLanguage } from '../i18n/i18n'
import { boardImage } from './boardImage'
import { exportMenuItems, type ExportMenuItem } from './exportMenuItems'
import { saveBlob } from './saveBlob'
import { useSelectedZone } from './useSelectedZone'
import './exportMenu.css'

// The board's Export menu (WAI-ARIA menu button): arrows, Home and End move between items, Escape
// closes and gives the focus back to the button. Server formats are fetched with the secret in a
// header and saved from a Blob; images are drawn here by tldraw.

export function ExportMenu(props: { boardId: string; secret: string; boardTitle: string; role: AccessRole; editor: Editor | null }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const { editor } = props
  const zone = useSelectedZone(editor)
  const items = exportMenuItems(props.role, zone !== null, t)
  const [open, setOpen] = useState(false)
  const [focusIndex, setFocusIndex] = useState(0)
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const containerRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([])
  const menuId = useId()

  useEffect(() => {
    if (open) itemRefs.current[focusIndex]?.focus()
  }, [open, focusIndex])

  useEffect(() => {
    if (!open) return
    const closeOnOutsidePointer = (event: PointerEvent) => {
      if (!containerRef.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', closeOnOutsidePointer, true)
    return () => document.removeEventListener('pointerdown', closeOnOutsidePointer, true)
  }, [open])

  function openAt(index: number) {
    setError(null)
    setFocusIndex((index + items.length) % items.length)
    setOpen(true)
  }

  function toggle() {
    if (busy) return
    if (open) setOpen(false)
    else openAt(0)
  }

  function close() {
    setOpen(false)
    buttonRef.current?.focus()
  }

  function onButtonKeyDown(event: KeyboardEvent) {
    if (!busy && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault()
      openAt(event.key === 'ArrowDown' ? 0 : -1)
    }
  }

  function onMenuKeyDown(event: KeyboardEvent) {
    const moves: Record<string, number> = { ArrowDown: focusIndex + 1, ArrowUp: focusIndex - 1, Home: 0, End: items.length - 1 }
    if (event.key in moves) {
      event.preventDefault()
      setFocusIndex((moves[event.key] + items.length) % items.length)
    } else if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      close()
    } else if (event.key === 'Tab') {
      setOpen(false)
    }
  }

  async function run(item: ExportMenuItem) {
    close()
    setBusy(item.label)
    try {
      if (item.source === 'server') {
        const { blob, fileName } = await fetchBoardExport(props.boardId, props.secret, item.format, language)
        saveBlob(blob, fileName ?? exportFileName(props.boardTitle, item.format))
      } else {
        if (!editor) throw new Error(t('export.stillLoading'))
        if (item.scope === 'zone' && !zone) throw new Error(t('export.selectZone'))
        const image = await boardImage(editor, item.format, { boardTitle: props.boardTitle, zone: item.scope === 'zone' ? zone : null })
        saveBlob(image.blob, image.fileName)
      }
    } catch (e) {
      setError(t('export.failed', { item: item.label, reason: describeError(e) }))
    } finally {
      setBusy(null)
    }
  }

  return (
    <div className="export-menu" ref={containerRef}>
      <button
        type="button"
        ref={buttonRef}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        aria-disabled={busy !== null}
        aria-busy={busy !== null}
        onClick={toggle}
        onKeyDown={onButtonKeyDown}
        data-testid="export-button"
      >
        {busy ? t('export.exporting') : t('export.button')}
      </button>
      {open && (
        <ul className="export-menu-list" role="menu" id={menuId} aria-label={t('export.button')} onKeyDown={onMenuKeyDown} data-testid="export-menu">
          {items.map((item, index) => (
            <li role="none" key={item.id} className={index > 0 && items[index - 1].source !== item.source ? 'export-menu-group' : undefined}>
              <button
                type="button"
                role="menuitem"
                tabIndex={index === focusIndex ? 0 : -1}
                ref={(el) => {
                  itemRefs.current[index] = el
                }}
                onClick={() => void run(item)}
                data-export-item={item.id}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      <span className="export-menu-status" role="status" data-testid="export-status">
        {busy ? t('export.preparing', { item: busy }) : ''}
      </span>
      {error && (
        <div className="export-menu-error" role="alert" data-testid="export-error">
          <span>{error}</span>
          <button type="button" onClick={() => setError(null)} aria-label={t('export.dismissError')}>
            ×
          </button>
        </div>
      )}
    </div>
  )
}
