import { useTranslation } from 'react-i18next'
import { useState } from 'react'
import { useLanguage } from '../i18n/i18n'
import type { Editor } from 'tldraw'
import type * as Y from 'yjs'
import { readBoardDoc } from '../../../shared/src/doc/readBoardDoc'
import { SESSION_ROOT } from '../../../shared/src/doc/roots'
import { SESSION_KEYS } from '../../../shared/src/session/sessionKeys'
import { readSessionValue, writeSessionValue } from '../../../shared/src/session/sessionState'
import {
  getTemplate,
  listTemplates,
  mergeTemplateSettings,
  TEMPLATE_RULES,
  templateRecordsForBoard,
  type TemplateRule,
} from '../../../shared/src/templates'

// The facilitator adds a template's zones and starter cards beside what is on the board, and its
// targets and rules to the session (a target already set on the board is kept).

export function AddTemplateZones({ editor, doc }: { editor: Editor; doc: Y.Doc }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const templates = listTemplates(language).filter((t) => getTemplate(t.id).zones.length > 0)
  const [templateId, setTemplateId] = useState(templates[0]?.id ?? '')

  const add = () => {
    const template = getTemplate(templateId, language)
    const content = readBoardDoc(doc)
    const records = templateRecordsForBoard(template, content.records, { at: Date.now() })
    const session = doc.getMap(SESSION_ROOT)
    const settings = mergeTemplateSettings(
      { targets: readSessionValue(content.session, 'targets'), rules: storedRules(content.session[SESSION_KEYS.rules]) },
      template,
    )
    editor.run(() => {
      editor.markHistoryStoppingPoint('add template')
      editor.createShapes(records)
    })
    doc.transact(() => {
      writeSessionValue(session, 'targets', settings.targets)
      session.set(SESSION_KEYS.rules, settings.rules)
    })
    const zoneIds = records.filter((r) => r.parentId === editor.getCurrentPageId()).map((r) => r.id)
    editor.select(...zoneIds)
    editor.zoomToSelection({ animation: { duration: 300 } })
  }

  return (
    <div className="tavolo-summary-template">
      <label htmlFor="tavolo-add-template">{t('summary.addTemplate')}</label>
      <div className="tavolo-summary-target-row">
        <select id="tavolo-add-template" value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title}
            </option>
          ))}
        </select>
        <button type="button" onClick={add} disabled={!templateId}>
          {t('common.add')}
        </button>
      </div>
    </div>
  )
}

/** The rules stored on the board; undefined when none are stored (the summary then checks all). */
function storedRules(value: unknown): TemplateRule[] | undefined {
  return Array.isArray(value) ? TEMPLATE_RULES.filter((rule) => value.includes(rule)) : undefined
}
