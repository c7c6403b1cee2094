import * as Y from 'yjs'
import { DOC_FORMAT_VERSION, META_KEYS, META_ROOT } from '../doc/roots'

// Placeholder contract, to be replaced by the template data and seeding (issue 4).
export interface TemplateInfo {
  id: string
  title: string
  description: string
}

const TEMPLATES: TemplateInfo[] = [{ id: 'blank', title: 'Blank', description: 'An empty board.' }]

export function listTemplates(): TemplateInfo[] {
  return TEMPLATES.map((t) => ({ ...t }))
}

export function hasTemplate(id: string): boolean {
  return TEMPLATES.some((t) => t.id === id)
}

/** Writes a new board's initial content into an empty doc: meta, and the template's records. */
export function seedBoardDoc(doc: Y.Doc, opts: { title: string; templateId: string }): void {
  doc.transact(() => {
    const meta = doc.getMap(META_ROOT)
    meta.set(META_KEYS.format, DOC_FORMAT_VERSION)
    meta.set(META_KEYS.title, opts.title)
    meta.set(META_KEYS.template, opts.templateId)
  })
}
