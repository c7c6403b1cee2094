import { DocumentRecordType, PageRecordType, TLDOCUMENT_ID, type TLPageId, type TLRecord } from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'

// The document and first page exactly as a fresh tldraw 5 store creates them (tlschema's
// integrity checker and createTLStore's `defaultName: ''`). Their ids are fixed, so a seeded
// board and an editor that starts on it agree instead of adding a second page.

export const DEFAULT_PAGE_ID = 'page:page' as TLPageId

export function defaultDocumentRecords(): TLRecord[] {
  return [
    DocumentRecordType.create({ id: TLDOCUMENT_ID, name: '' }),
    PageRecordType.create({ id: DEFAULT_PAGE_ID, name: 'Page 1', index: 'a1' as IndexKey, meta: {} }),
  ]
}
