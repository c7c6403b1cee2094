import { isEqual, type HistoryEntry, type SerializedSchema, type TLRecord, type TLStore } from 'tldraw'
import type { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import { DOC_FORMAT_VERSION, META_KEYS, META_ROOT } from '../../../shared/src/doc/roots'
import { migrateRecordsSkippingBroken } from './migrateRecordsSkippingBroken'
import { recordsKeyValue } from './recordsKeyValue'
import { compareStoredSchema, decodeStoredSchema } from '../../../shared/src/doc/schemaAge'

// The binding between a tldraw store and a board's Y.Doc (docs/architecture.md, "The board document"):
// document-scope records live whole in the `records` root, keyed by id through YKeyValue, so the
// doc grows with the number of records, not the number of edits. A second doc of the same layout
// (a person's private draft) can join the binding: each record is written to the doc that holds it.

/** `too-old`: the board was written by a newer client; this one writes nothing until reloaded. */
export type BindingStatus = { kind: 'synced' } | { kind: 'too-old' } | { kind: 'error'; message: string }

export interface BindStoreOptions {
  /** A viewer's client never writes to the doc (the server would refuse it anyway). */
  readOnly?: boolean
  onStatusChange?: (status: BindingStatus) => void
  /** Where skipped records and migration problems are reported; console.warn by default. */
  log?: (message: string, detail?: unknown) => void
}

export interface StoreDocBinding {
  getStatus(): BindingStatus
  /**
   * Binds another doc to the same store (a person's draft): records it holds stay in it (edits,
   * moves, deletes), a new record goes to it when `claims` says so, everything else to the board's
   * doc. Returns the unbinding, which takes the records only it held out of the store.
   */
  addDoc(doc: Y.Doc, claims: (record: TLRecord) => boolean): () => void
  dispose(): void
}

/** A doc bound to the store: its records and which new records it takes. */
interface BoundDoc {
  doc: Y.Doc
  kv: YKeyValue<unknown>
  claims: (record: TLRecord) => boolean
}

export function bindStoreToDoc(store: TLStore, doc: Y.Doc, options: BindStoreOptions = {}): StoreDocBinding {
  const { readOnly = false, onStatusChange, log = (message, detail) => console.warn(message, detail) } = options
  const meta = doc.getMap<unknown>(META_ROOT)
  const kv = recordsKeyValue(doc)
  const board: BoundDoc = { doc, kv, claims: () => true }
  const drafts: BoundDoc[] = []
  const currentSchema = store.schema.serialize()
  let status: BindingStatus = { kind: 'synced' }
  const cleanups: (() => void)[] = []
  // Origin of this binding's own Y transactions, so its observer can tell them from all others
  // (including another store bound to the same doc).
  const localOrigin = { binding: 'tavolo-store' }

  const setStatus = (next: BindingStatus) => {
    status = next
    if (next.kind !== 'synced') stopSyncing()
    onStatusChange?.(next)
  }
  const stopSyncing = () => cleanups.splice(0).forEach((cleanup) => cleanup())
  const writeTo = (target: Y.Doc, fn: () => void) => {
    if (!readOnly) target.transact(fn, localOrigin)
  }
  const writeToDoc = (fn: () => void) => writeTo(doc, fn)
  /** Whether a doc other than `except` holds the record (a reveal moves cards from a draft to the board). */
  const heldElsewhere = (id: string, except: BoundDoc) => [board, ...drafts].some((bound) => bound !== except && bound.kv.has(id))
  /** Where a record is written: the doc that holds it (the board's first), else the first that claims it. */
  const homeOf = (record: TLRecord): BoundDoc =>
    [board, ...drafts].find((bound) => bound.kv.has(record.id)) ?? drafts.find((bound) => bound.claims(record)) ?? board

  const isDocumentRecord = (key: string, value: unknown): value is TLRecord =>
    typeof value === 'object' &&
    value !== null &&
    (value as TLRecord).id === key &&
    store.scopedTypes.document.has((value as TLRecord).typeName)

  /** The record as this store accepts it, or null (logged) when a peer sent something invalid. */
  const validRecord = (key: string, value: unknown): TLRecord | null => {
    if (!isDocumentRecord(key, value)) {
      log(`Skipped a board record that is not a document record: ${key}`, value)
      return null
    }
    const before = store.get(value.id) ?? null
    try {
      return store.schema.validateRecord(store, value, before ? 'updateRecord' : 'createRecord', before)
    } catch (error) {
      log(`Skipped an invalid board record: ${key}`, error)
      return null
    }
  }

  const loadFromDoc = (storedSchema: SerializedSchema | null) => {
    const stored = new Map<string, unknown>()
    for (const [key, entry] of kv.map) stored.set(key, entry.val)
    if (stored.size === 0) {
      // A blank board: this client's document records (if the editor already made any) start it.
      writeToDoc(() => {
        for (const record of store.allRecords()) {
          if (store.scopedTypes.document.has(record.typeName)) kv.set(record.id, record)
        }
      })
    } else {
      loadIntoStore(migrateIfOlder(stored, storedSchema))
    }
    if (!isEqual(storedSchema, currentSchema)) writeToDoc(() => meta.set(META_KEYS.schema, currentSchema))
  }

  /** The board's records brought up to this client's schema, written back unless read-only. */
  const migrateIfOlder = (stored: Map<string, unknown>, storedSchema: SerializedSchema | null) => {
    if (!storedSchema || compareStoredSchema(currentSchema, storedSchema) !== 'older') return stored
    const migrated = migrateRecordsSkippingBroken(store.schema, storedSchema, stored, log)
    writeToDoc(() => {
      for (const [id, record] of migrated.records) {
        if (!isEqual(record, stored.get(id))) kv.set(id, record)
      }
      for (const id of migrated.removedIds) kv.delete(id)
    })
    return migrated.records
  }

  /** The board's records replace the store's document records; invalid ones are skipped. */
  const loadIntoStore = (records: Map<string, unknown>) => {
    const toPut: TLRecord[] = []
    for (const [key, value] of records) {
      const record = validRecord(key, value)
      if (record) toPut.push(record)
    }
    const toRemove = store
      .allRecords()
      .filter((r) => store.scopedTypes.document.has(r.typeName) && !records.has(r.id))
      .map((r) => r.id)
    mergeIntoStore(toPut, toRemove)
  }

  /** Applies peers' records without entering the local undo stack; one failure costs one record. */
  const mergeIntoStore = (toPut: TLRecord[], toRemove: TLRecord['id'][]) => {
    if (toPut.length === 0 && toRemove.length === 0) return
    try {
      store.mergeRemoteChanges(() => {
        if (toRemove.length > 0) store.remove(toRemove)
        if (toPut.length > 0) store.put(toPut)
      })
    } catch {
      // The failed batch was rolled back as a whole: apply it again record by record.
      for (const id of toRemove) mergeOne(id, () => store.remove([id]))
      for (const record of toPut) mergeOne(record.id, () => store.put([record]))
    }
  }
  const mergeOne = (id: string, apply: () => void) => {
    try {
      store.mergeRemoteChanges(apply)
    } catch (error) {
      log(`Skipped a board change the store refused: ${id}`, error)
    }
  }

  const onRemoteRecords = (source: BoundDoc, changes: Map<string, { action: 'add' | 'update' | 'delete'; newValue?: unknown }>, tr: Y.Transaction) => {
    if (tr.origin === localOrigin) return
    const toPut: TLRecord[] = []
    const toRemove: TLRecord['id'][] = []
    for (const [key, change] of changes) {
      if (change.action === 'delete') {
        if (store.has(key as TLRecord['id']) && !heldElsewhere(key, source)) toRemove.push(key as TLRecord['id'])
        continue
      }
      const record = validRecord(key, change.newValue)
      if (record) toPut.push(record)
    }
    mergeIntoStore(toPut, toRemove)
  }

  const onLocalChanges = ({ changes }: HistoryEntry<TLRecord>) => {
    // The listener runs up to a frame after the change; a remote change merged in between is
    // already in the store, so write each touched record's current value, not the diff's.
    const touched = [...Object.keys(changes.added), ...Object.keys(changes.updated), ...Object.keys(changes.removed)]
    // One transaction per doc written (the board's alone when no draft is bound).
    const writes = new Map<BoundDoc, (() => void)[]>()
    const write = (bound: BoundDoc, fn: () => void) => {
      const queued = writes.get(bound)
      if (queued) queued.push(fn)
      else writes.set(bound, [fn])
    }
    for (const id of touched as TLRecord['id'][]) {
      const current = store.get(id)
      if (!current) {
        for (const bound of [board, ...drafts]) if (bound.kv.has(id)) write(bound, () => bound.kv.delete(id))
        continue
      }
      const home = homeOf(current)
      if (!isEqual(current, home.kv.get(id))) write(home, () => home.kv.set(id, current))
    }
    for (const [bound, fns] of writes) writeTo(bound.doc, () => fns.forEach((fn) => fn()))
  }

  const addDoc = (draftDoc: Y.Doc, claims: (record: TLRecord) => boolean) => {
    if (status.kind !== 'synced') return () => {}
    const bound: BoundDoc = { doc: draftDoc, kv: recordsKeyValue(draftDoc), claims }
    drafts.push(bound)
    const toPut: TLRecord[] = []
    for (const [key, entry] of bound.kv.map) {
      const record = validRecord(key, entry.val)
      if (record) toPut.push(record)
    }
    mergeIntoStore(toPut, [])
    const onChange = (changes: Parameters<typeof onRemoteRecords>[1], tr: Y.Transaction) => onRemoteRecords(bound, changes, tr)
    bound.kv.on('change', onChange)
    let attached = true
    const unbind = () => {
      if (!attached) return
      attached = false
      bound.kv.off('change', onChange)
      drafts.splice(drafts.indexOf(bound), 1)
      const only = [...bound.kv.map.keys()].filter((id) => store.has(id as TLRecord['id']) && !heldElsewhere(id, bound))
      mergeIntoStore([], only as TLRecord['id'][])
    }
    cleanups.push(unbind)
    return unbind
  }

  /** Whether the board was written by a newer client: a newer tldraw schema or document format. */
  const boardIsNewer = () => {
    const stored = decodeStoredSchema(meta.get(META_KEYS.schema))
    const format = meta.get(META_KEYS.format)
    const newerFormat = typeof format === 'number' && format > DOC_FORMAT_VERSION
    return newerFormat || (stored !== null && compareStoredSchema(currentSchema, stored) === 'newer')
  }

  const onMetaChange = (event: Y.YMapEvent<unknown>) => {
    const relevant = event.keysChanged.has(META_KEYS.schema) || event.keysChanged.has(META_KEYS.format)
    if (relevant && boardIsNewer()) setStatus({ kind: 'too-old' })
  }

  const storedSchema = decodeStoredSchema(meta.get(META_KEYS.schema))
  if (meta.has(META_KEYS.schema) && !storedSchema) log('The board has a malformed schema; treating it as current', meta.get(META_KEYS.schema))
  if (boardIsNewer()) {
    setStatus({ kind: 'too-old' })
  } else {
    try {
      loadFromDoc(storedSchema)
      const onBoardRecords = (changes: Parameters<typeof onRemoteRecords>[1], tr: Y.Transaction) => onRemoteRecords(board, changes, tr)
      kv.on('change', onBoardRecords)
      meta.observe(onMetaChange)
      const stopListening = store.listen(onLocalChanges, { source: 'user', scope: 'document' })
      cleanups.push(
        () => kv.off('change', onBoardRecords),
        () => meta.unobserve(onMetaChange),
        stopListening,
      )
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) })
    }
  }
  return {
    getStatus: () => status,
    addDoc,
    dispose: stopSyncing,
  }
}
