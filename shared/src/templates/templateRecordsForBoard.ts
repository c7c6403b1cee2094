import type { TLPageId, TLShape, TLShapeId } from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'
import { T } from '@tldraw/validate'
import { pageCorners } from '../board/geometry'
import { isObject, readShapes } from '../board/shapeLike'
import { DEFAULT_PAGE_ID } from '../doc/defaultRecords'
import type { Template } from './template'
import { templateRecords } from './templateRecords'

/** Gap between a board's existing content and a template added beside it. */
export const TEMPLATE_SPACING = 200

/**
 * The records that add a template's zones and starter cards to an existing board: on its first
 * page, to the right of everything already there, stacked above the page's existing shapes.
 */
export function templateRecordsForBoard(
  template: Template,
  existingRecords: readonly unknown[],
  options: { at: number; newId?: () => TLShapeId },
): TLShape[] {
  const pageId = firstPageId(existingRecords)
  const shapes = readShapes(existingRecords)
  const byId = new Map(shapes.map((s) => [s.id, s]))
  const corners = shapes.flatMap((s) => pageCorners(s, byId)).filter((p) => Number.isFinite(p.x + p.y))
  // Shift the template so its own left/top edge lands beside the existing content.
  const templateLeft = Math.min(0, ...template.zones.map((z) => z.x))
  const templateTop = Math.min(0, ...template.zones.map((z) => z.y))
  const origin =
    corners.length === 0
      ? { x: 0, y: 0 }
      : {
          x: Math.max(...corners.map((p) => p.x)) + TEMPLATE_SPACING - templateLeft,
          y: Math.min(...corners.map((p) => p.y)) - templateTop,
        }
  // An index that is not a valid key (corrupt data) cannot be stacked above, so it is skipped.
  const pageIndices = shapes
    .filter((s) => s.parentId === pageId && T.indexKey.isValid(s.index))
    .map((s) => s.index)
  const indexAbove = pageIndices.length === 0 ? null : (pageIndices.reduce((a, b) => (b > a ? b : a)) as IndexKey)
  return templateRecords(template, { pageId, origin, indexAbove, at: options.at, newId: options.newId })
}

function firstPageId(records: readonly unknown[]): TLPageId {
  const pages = records.filter(
    (r): r is { id: string; index: string } =>
      isObject(r) && r.typeName === 'page' && typeof r.id === 'string' && typeof r.index === 'string',
  )
  if (pages.length === 0) return DEFAULT_PAGE_ID
  // Fractional index keys sort as plain strings, as tldraw's sortByIndex does.
  return pages.reduce((a, b) => (b.index < a.index ? b : a)).id as TLPageId
}
