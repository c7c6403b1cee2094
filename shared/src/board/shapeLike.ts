// The summary, the exporters and the server read shapes from plain stored records that may come
// from an older version or a buggy client: this is the defensive view they all share.

/** The parts of a stored tldraw shape record that Tavolo reads, checked for type. */
export interface ShapeLike {
  id: string
  type: string
  parentId: string
  index: string
  /** NaN when the stored value is not a finite number, so geometry never places it anywhere. */
  x: number
  y: number
  rotation: number
  props: Record<string, unknown>
  meta: Record<string, unknown>
}

/** The shapes among `records`; records that are not shapes or lack an id or type are skipped. */
export function readShapes(records: readonly unknown[]): ShapeLike[] {
  const shapes: ShapeLike[] = []
  for (const record of records) {
    if (!isObject(record) || record.typeName !== 'shape') continue
    if (typeof record.id !== 'string' || typeof record.type !== 'string') continue
    shapes.push({
      id: record.id,
      type: record.type,
      parentId: typeof record.parentId === 'string' ? record.parentId : '',
      index: typeof record.index === 'string' ? record.index : '',
      x: finiteOrNaN(record.x),
      y: finiteOrNaN(record.y),
      rotation: typeof record.rotation === 'number' && Number.isFinite(record.rotation) ? record.rotation : 0,
      props: isObject(record.props) ? record.props : {},
      meta: isObject(record.meta) ? record.meta : {},
    })
  }
  return shapes
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function finiteOrNaN(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : Number.NaN
}
