import * as Y from 'yjs'
import { defaultDocumentRecords, DEFAULT_PAGE_ID } from '../doc/defaultRecords'
import { writeNewRecords } from '../doc/recordsRoot'
import { DOC_FORMAT_VERSION, META_KEYS, META_ROOT, SESSION_ROOT } from '../doc/roots'
import { catalogues, defaultLanguage, type Language } from '../i18n'
import { catalogueCriteria } from '../session/criteria'
import { SESSION_KEYS } from '../session/sessionKeys'
import { createTavoloSchema } from '../schema'
import { getTemplate } from './catalog'
import { mergeTemplateSettings } from './sessionSettings'
import { templateRecords } from './templateRecords'

/**
 * Writes a new board's initial content into an empty doc, in one transaction: meta (format,
 * title, template, serialized schema), the template's targets and rules and the rating criteria
 * in `session`, and the tldraw document, page, zones and starter cards in `records`, their words
 * in `language` (English by default). Throws for an unknown template or a doc that already has
 * records.
 */
export function seedBoardDoc(doc: Y.Doc, opts: { title: string; templateId: string; language?: Language; at?: number }): void {
  const language = opts.language ?? defaultLanguage
  const template = getTemplate(opts.templateId, language)
  const at = opts.at ?? Date.now()
  const shapes = templateRecords(template, { pageId: DEFAULT_PAGE_ID, origin: { x: 0, y: 0 }, indexAbove: null, at })
  const settings = mergeTemplateSettings(undefined, template)
  doc.transact(() => {
    // Records first: it throws on a doc that already has some, before anything is written.
    writeNewRecords(doc, [...defaultDocumentRecords(), ...shapes])
    const meta = doc.getMap(META_ROOT)
    meta.set(META_KEYS.format, DOC_FORMAT_VERSION)
    meta.set(META_KEYS.title, opts.title)
    meta.set(META_KEYS.template, template.id)
    meta.set(META_KEYS.schema, createTavoloSchema().serialize())
    const session = doc.getMap(SESSION_ROOT)
    session.set(SESSION_KEYS.targets, settings.targets)
    session.set(SESSION_KEYS.rules, settings.rules)
    session.set(SESSION_KEYS.criteria, catalogueCriteria(catalogues[language]))
  })
}
