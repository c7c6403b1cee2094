import { useTranslation } from 'react-i18next'
import type { Editor, TLShapeId } from 'tldraw'
import type { SummaryWarning } from '../../../shared/src/summary'

// The summary's warnings in plain words. A warning is a button: it selects the cards it is
// about and brings them into view.

export function WarningList({ editor, warnings }: { editor: Editor; warnings: readonly SummaryWarning[] }) {
  const { t } = useTranslation()
  if (warnings.length === 0) {
    return (
      <p className="tavolo-summary-ok" data-testid="summary-no-warnings">
        {t('summary.allGood')}
      </p>
    )
  }
  const show = (warning: SummaryWarning) => {
    const ids = warning.cardIds.filter((id) => editor.getShape(id as TLShapeId)) as TLShapeId[]
    if (ids.length === 0) return
    editor.setCurrentTool('select')
    editor.select(...ids)
    editor.zoomToSelection({ animation: { duration: 300 } })
  }
  return (
    <ul className="tavolo-summary-warnings" data-testid="summary-warnings">
      {warnings.map((warning) => (
        <li key={`${warning.code}:${warning.message}`}>
          <button
            type="button"
            className="tavolo-summary-warning"
            data-code={warning.code}
            disabled={warning.cardIds.length === 0}
            title={warning.cardIds.length > 0 ? t('summary.showCards') : undefined}
            onClick={() => show(warning)}
          >
            <span aria-hidden="true">⚠</span> {warning.message}
          </button>
        </li>
      ))}
    </ul>
  )
}
