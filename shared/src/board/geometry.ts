import type { ShapeLike } from './shapeLike'

// Page-space geometry of plain shape records, without the tldraw editor. A child's x/y are in its
// parent's space (rotated by the parent), a page-level shape's x/y are page coordinates.

export interface Point {
  x: number
  y: number
}

/** Where a shape's local origin lies on the page and how far its local axes are rotated. */
export interface PageTransform {
  x: number
  y: number
  rotation: number
}

export function toPage(t: PageTransform, p: Point): Point {
  const cos = Math.cos(t.rotation)
  const sin = Math.sin(t.rotation)
  return { x: t.x + p.x * cos - p.y * sin, y: t.y + p.x * sin + p.y * cos }
}

export function toLocal(t: PageTransform, p: Point): Point {
  const cos = Math.cos(t.rotation)
  const sin = Math.sin(t.rotation)
  const dx = p.x - t.x
  const dy = p.y - t.y
  return { x: dx * cos + dy * sin, y: -dx * sin + dy * cos }
}

export function pageTransform(shape: ShapeLike, byId: ReadonlyMap<string, ShapeLike>): PageTransform {
  return transformVia(shape, byId, new Set())
}

function transformVia(shape: ShapeLike, byId: ReadonlyMap<string, ShapeLike>, seen: Set<string>): PageTransform {
  seen.add(shape.id)
  const parent = byId.get(shape.parentId)
  // A missing parent or a parent cycle (corrupt data) leaves the shape where its x/y say on the page.
  if (!parent || seen.has(parent.id)) return { x: shape.x, y: shape.y, rotation: shape.rotation }
  const parentTransform = transformVia(parent, byId, seen)
  const origin = toPage(parentTransform, { x: shape.x, y: shape.y })
  return { x: origin.x, y: origin.y, rotation: parentTransform.rotation + shape.rotation }
}

/** The box size in `props.w` / `props.h`; 0 for shapes without a valid one (text, arrows…). */
export function shapeSize(shape: ShapeLike): { w: number; h: number } {
  return { w: positiveOrZero(shape.props.w), h: positiveOrZero(shape.props.h) }
}

export function pageCentre(shape: ShapeLike, byId: ReadonlyMap<string, ShapeLike>): Point {
  const { w, h } = shapeSize(shape)
  return toPage(pageTransform(shape, byId), { x: w / 2, y: h / 2 })
}

export function pageCorners(shape: ShapeLike, byId: ReadonlyMap<string, ShapeLike>): Point[] {
  const { w, h } = shapeSize(shape)
  const t = pageTransform(shape, byId)
  return [
    { x: 0, y: 0 },
    { x: w, y: 0 },
    { x: w, y: h },
    { x: 0, y: h },
  ].map((p) => toPage(t, p))
}

/** True when the page point lies inside the shape's box (edges included), rotation respected. */
export function boxContains(shape: ShapeLike, byId: ReadonlyMap<string, ShapeLike>, p: Point): boolean {
  const { w, h } = shapeSize(shape)
  const local = toLocal(pageTransform(shape, byId), p)
  return local.x >= 0 && local.y >= 0 && local.x <= w && local.y <= h
}

function positiveOrZero(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0
}
