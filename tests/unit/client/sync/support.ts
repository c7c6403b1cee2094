import {
  createShapeId,
  createShapePropsMigrationIds,
  createShapePropsMigrationSequence,
  createTLSchema,
  createTLStore,
  defaultShapeSchemas,
  T,
  type SchemaPropsInfo,
  type TLRecord,
  type TLShape,
  type TLStore,
} from 'tldraw'
import * as Y from 'yjs'
import { defaultDocumentRecords } from '../../../../shared/src/doc/defaultRecords'
import { bindStoreToDoc, type BindStoreOptions, type StoreDocBinding } from '../../../../client/src/sync/bindStoreToDoc'

// Shared set-up for the sync unit tests: real tldraw stores bound to real Y.Docs, connected by
// applying each doc's updates to the other, as the relay would.

const REMOTE = Symbol('test-remote')

/** Applies every update of `a` to `b` and back; returns a function that disconnects them. */
export function connectDocs(a: Y.Doc, b: Y.Doc): () => void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a), REMOTE)
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b), REMOTE)
  const toB = (update: Uint8Array, origin: unknown) => origin !== REMOTE && Y.applyUpdate(b, update, REMOTE)
  const toA = (update: Uint8Array, origin: unknown) => origin !== REMOTE && Y.applyUpdate(a, update, REMOTE)
  a.on('update', toB)
  b.on('update', toA)
  return () => {
    a.off('update', toB)
    b.off('update', toA)
  }
}

export interface BoundClient {
  store: TLStore
  doc: Y.Doc
  binding: StoreDocBinding
  logged: string[]
}

/** A store bound to `doc`, logging into `logged` instead of the console. */
export function bindClient(doc: Y.Doc, store: TLStore = createTLStore(), options: BindStoreOptions = {}): BoundClient {
  const logged: string[] = []
  const binding = bindStoreToDoc(store, doc, { ...options, log: (message) => logged.push(message) })
  return { store, doc, binding, logged }
}

/** The session records an editor keeps (instance, page state, camera, pointer): what presence reads. */
export function startSession(store: TLStore): void {
  const types = store.schema.types
  store.put([
    types.instance.create({ id: 'instance:instance' as never, currentPageId: 'page:page' as never }),
    types.instance_page_state.create({ id: 'instance_page_state:page:page' as never, pageId: 'page:page' as never }),
    types.camera.create({ id: 'camera:page:page' as never }),
    types.pointer.create({ id: 'pointer:pointer' as never }),
  ])
}

/** What a first editor does on a blank board: its document and first page. */
export function startBoard(store: TLStore): void {
  store.put(defaultDocumentRecords())
}

export function geoShape(id: string, x: number, y = 0): TLShape {
  return {
    id: createShapeId(id),
    typeName: 'shape',
    type: 'geo',
    x,
    y,
    rotation: 0,
    index: 'a1',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      geo: 'rectangle', w: 100, h: 100, color: 'black', labelColor: 'black', fill: 'none', dash: 'draw',
      size: 'm', font: 'draw', align: 'middle', verticalAlign: 'middle', growY: 0, url: '', scale: 1,
      flipX: false, flipY: false, richText: { type: 'doc', content: [{ type: 'paragraph' }] },
    },
  } as unknown as TLShape
}

/** The record currently stored in the doc under `id`, read straight from the `records` root. */
export function docRecord(doc: Y.Doc, id: string): TLRecord | undefined {
  const entries = doc.getArray<{ key: string; val: TLRecord }>('records').toArray()
  return entries.filter((entry) => entry.key === id).at(-1)?.val
}

// A test card whose props changed twice: version 1 added `label`; version 2 renamed it `title`.
const cardVersions = createShapePropsMigrationIds('test-card', { AddLabel: 1, RenameToTitle: 2 })

const addLabel = {
  id: cardVersions.AddLabel,
  up: (props: Record<string, unknown>) => {
    props.label = ''
  },
}
const renameToTitle = {
  id: cardVersions.RenameToTitle,
  up: (props: Record<string, unknown>) => {
    props.title = props.label
    delete props.label
  },
}

/** A store whose schema knows the test card up to version 1 (`label`) or 2 (`title`). */
export function storeWithTestCard(version: 1 | 2): TLStore {
  const card: SchemaPropsInfo =
    version === 1
      ? { props: { w: T.number, h: T.number, label: T.string }, migrations: createShapePropsMigrationSequence({ sequence: [addLabel] }) }
      : { props: { w: T.number, h: T.number, title: T.string }, migrations: createShapePropsMigrationSequence({ sequence: [addLabel, renameToTitle] }) }
  return createTLStore({ schema: createTLSchema({ shapes: { ...defaultShapeSchemas, 'test-card': card } }) })
}

export function testCard(id: string, props: Record<string, unknown>): TLRecord {
  return { ...geoShape(id, 0), type: 'test-card', props: { w: 10, h: 10, ...props } } as unknown as TLRecord
}
