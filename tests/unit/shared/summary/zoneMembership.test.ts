import { describe, expect, it } from 'vitest'
import { readShapes } from '../../../../shared/src/board/shapeLike'
import { readZones, zoneAtPoint, zoneOfCard } from '../../../../shared/src/summary/zoneMembership'

// "Which zone holds this" is one rule: the summary (a card's centre) and a drop on the canvas
// (the pointer) ask the same function, so a card dropped somewhere is counted where it landed.

function zone(id: string, x: number, y: number, w: number, h: number) {
  return { typeName: 'shape', id, type: 'tavolo-zone', parentId: 'page:page', index: 'a1', x, y, rotation: 0, props: { w, h, title: id, accepts: [] }, meta: {} }
}

function board(records: object[]) {
  const shapes = readShapes(records)
  return { zones: readZones(shapes), byId: new Map(shapes.map((s) => [s.id, s])) }
}

describe('the zone holding a point or a card', () => {
  it('is the smallest zone containing it', () => {
    const { zones, byId } = board([zone('shape:big', 0, 0, 1000, 1000), zone('shape:small', 100, 100, 200, 200)])
    expect(zoneAtPoint({ x: 150, y: 150 }, zones, byId)?.id).toBe('shape:small')
    expect(zoneAtPoint({ x: 600, y: 600 }, zones, byId)?.id).toBe('shape:big')
    expect(zoneAtPoint({ x: 1200, y: 10 }, zones, byId)).toBeNull()
  })

  it('settles equal areas by the smaller id, whatever order the zones are listed in', () => {
    const a = zone('shape:a', 0, 0, 500, 500)
    const b = zone('shape:b', 100, 100, 500, 500)
    for (const records of [[a, b], [b, a]]) {
      const { zones, byId } = board(records)
      expect(zoneAtPoint({ x: 300, y: 300 }, zones, byId)?.id).toBe('shape:a')
    }
  })

  it('gives a card the zone its centre point is in', () => {
    const card = { typeName: 'shape', id: 'shape:card', type: 'tavolo-idea', parentId: 'page:page', index: 'a2', x: 250, y: 250, rotation: 0, props: { w: 100, h: 100 }, meta: {} }
    const { zones, byId } = board([zone('shape:b', 100, 100, 500, 500), zone('shape:a', 0, 0, 500, 500), card])
    const centre = { x: 300, y: 300 }
    expect(zoneOfCard(byId.get('shape:card')!, zones, byId)?.id).toBe(zoneAtPoint(centre, zones, byId)?.id)
  })
})
