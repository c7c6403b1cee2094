import { describe, expect, it } from 'vitest'
import { adjacentInOrder, boardReadingOrder, inReadingOrder } from '../../../../shared/src/board/readingOrder'

const box = (x: number, y: number, w = 100, h = 80) => ({ x, y, w, h })

describe('boardReadingOrder', () => {
  it('puts each zone right before the cards in it, zones and cards each in reading order', () => {
    const shapes = [
      { id: 'card-b2', box: box(620, 100), zoneId: 'zone-b' },
      { id: 'zone-b', box: box(500, 0, 400, 400), zoneId: null },
      { id: 'card-a2', box: box(150, 100), zoneId: 'zone-a' },
      { id: 'card-a3', box: box(20, 220), zoneId: 'zone-a' },
      { id: 'card-a1', box: box(20, 110, 100, 60), zoneId: 'zone-a' },
      { id: 'zone-a', box: box(0, 0, 400, 400), zoneId: null },
      { id: 'card-b1', box: box(520, 100), zoneId: 'zone-b' },
      { id: 'zone-c', box: box(0, 500, 400, 200), zoneId: null },
      { id: 'loose', box: box(600, 520), zoneId: null },
    ]
    expect(boardReadingOrder(shapes)).toEqual(['zone-a', 'card-a1', 'card-a2', 'card-a3', 'zone-b', 'card-b1', 'card-b2', 'zone-c', 'loose'])
  })

  it('treats a card whose zone is not on the page as a shape of its own', () => {
    expect(boardReadingOrder([{ id: 'card', box: box(0, 0), zoneId: 'gone' }])).toEqual(['card'])
  })
})

describe('inReadingOrder', () => {
  it('keeps boxes of one row together though their tops differ a little', () => {
    const order = inReadingOrder([
      { id: 'right', box: box(300, 0) },
      { id: 'below', box: box(0, 200) },
      { id: 'left-lower', box: box(0, 30) },
    ])
    expect(order.map((s) => s.id)).toEqual(['left-lower', 'right', 'below'])
  })
})

describe('adjacentInOrder', () => {
  const order = ['a', 'b', 'c']
  it('steps forwards and backwards, and stops at either end', () => {
    expect(adjacentInOrder(order, 'a', 'next')).toBe('b')
    expect(adjacentInOrder(order, 'b', 'prev')).toBe('a')
    expect(adjacentInOrder(order, 'c', 'next')).toBeNull()
    expect(adjacentInOrder(order, 'a', 'prev')).toBeNull()
  })
  it('starts at the first (forwards) or last (backwards) when nothing is current', () => {
    expect(adjacentInOrder(order, null, 'next')).toBe('a')
    expect(adjacentInOrder(order, 'x', 'prev')).toBe('c')
    expect(adjacentInOrder([], null, 'next')).toBeNull()
  })
})
