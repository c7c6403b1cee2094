import { describe, expect, it } from 'vitest'
import { cardThatMakesRoom, overlaps, placeCardInZone, zoneHeightToFit, zonesPushedDown, type MadeCard, type Rect } from '../../../../shared/src/board/cardPlacement'
import { STARTER_LAYOUT } from '../../../../shared/src/templates'

const CARD = { w: 240, h: 160 }
const { padding, header, gap } = STARTER_LAYOUT

function placeMany(zone: { w: number; h: number }, occupied: Rect[], count: number) {
  const cards = [...occupied]
  let height = zone.h
  for (let i = 0; i < count; i++) {
    const spot = placeCardInZone({ w: zone.w, h: height }, cards, CARD)
    cards.push({ x: spot.x, y: spot.y, ...CARD })
    height = spot.zoneHeight
  }
  return { cards: cards.slice(occupied.length), height, all: cards }
}

describe('placeCardInZone', () => {
  it('puts the first card in an empty zone at the first grid place, below the title', () => {
    expect(placeCardInZone({ w: 800, h: 600 }, [], CARD)).toEqual({ x: padding, y: header, zoneHeight: 600 })
  })

  it('takes the next free grid place beside the cards already there', () => {
    const first = { x: padding, y: header, ...CARD }
    expect(placeCardInZone({ w: 800, h: 600 }, [first], CARD)).toMatchObject({ x: padding + CARD.w + gap, y: header })
  })

  it('fills a gap someone left rather than going after the last card', () => {
    const second = { x: padding + CARD.w + gap, y: header, ...CARD }
    expect(placeCardInZone({ w: 800, h: 600 }, [second], CARD)).toMatchObject({ x: padding, y: header })
  })

  it('finds free space off the grid when the grid places are taken by cards moved by hand', () => {
    // Two cards straddling the grid places of the first row, leaving room on the right only.
    const zone = { w: 900, h: header + CARD.h + padding }
    const moved = [
      { x: 100, y: header, ...CARD },
      { x: 360, y: header, ...CARD },
    ]
    const spot = placeCardInZone(zone, moved, CARD)
    expect(spot.zoneHeight).toBe(zone.h)
    expect(moved.some((m) => overlaps(m, { ...spot, ...CARD }))).toBe(false)
    expect(spot.x + CARD.w).toBeLessThanOrEqual(zone.w - padding)
  })

  it('grows a full zone downwards instead of stacking a card on another', () => {
    const zone = { w: 800, h: header + CARD.h + padding }
    const { cards, height, all } = placeMany(zone, [], 10)
    for (const [i, a] of all.entries()) for (const b of all.slice(i + 1)) expect(overlaps(a, b)).toBe(false)
    const bottom = Math.max(...cards.map((c) => c.y + c.h))
    expect(height).toBe(bottom + padding)
    expect(height).toBeGreaterThan(zone.h)
    for (const card of cards) expect(card.x + card.w).toBeLessThanOrEqual(zone.w - padding + 1)
  })

  it('keeps a gap between a new card and its neighbours', () => {
    const { all } = placeMany({ w: 1000, h: 900 }, [{ x: 30, y: 70, ...CARD }], 6)
    for (const [i, a] of all.entries()) {
      for (const b of all.slice(i + 1)) {
        const grown = { x: a.x - 4, y: a.y - 4, w: a.w + 8, h: a.h + 8 }
        expect(overlaps(grown, b)).toBe(false)
      }
    }
  })

  it('places a card in a zone narrower than the card, growing it', () => {
    const spot = placeCardInZone({ w: 100, h: 50 }, [], CARD)
    expect(spot).toEqual({ x: padding, y: header, zoneHeight: header + CARD.h + padding })
  })
})

describe('zoneHeightToFit', () => {
  it('keeps the height when every card fits, and grows to the lowest card otherwise', () => {
    expect(zoneHeightToFit(600, [{ x: 0, y: 100, ...CARD }])).toBe(600)
    expect(zoneHeightToFit(600, [{ x: 0, y: 500, ...CARD }])).toBe(500 + CARD.h + padding)
    expect(zoneHeightToFit(600, [])).toBe(600)
  })
})

describe('zonesPushedDown', () => {
  const contents = { id: 'contents', x: 0, y: 0, w: 920, h: 640 }
  const formats = { id: 'formats', x: 960, y: 0, w: 800, h: 640 }
  const exams = { id: 'exams', x: 0, y: 680, w: 920, h: 440 }
  const below = { id: 'below', x: 0, y: 1160, w: 400, h: 200 }
  const zones = [contents, formats, exams, below]

  it('moves the zones under a growing zone down, keeping their gaps, and leaves the others', () => {
    expect(zonesPushedDown(contents, 900, zones)).toEqual([
      { id: 'exams', y: 940 },
      { id: 'below', y: 1420 },
    ])
  })

  it('moves only the zones straight below the growing one', () => {
    expect(zonesPushedDown(formats, 900, zones)).toEqual([])
    expect(zonesPushedDown(exams, 460, zones)).toEqual([{ id: 'below', y: 1180 }])
  })
})

describe('cardThatMakesRoom', () => {
  it('moves the later made card, whichever way round the two are given', () => {
    const early = { id: 'shape:b', createdAt: 1000 }
    const late = { id: 'shape:a', createdAt: 2000 }
    expect(cardThatMakesRoom(early, late)).toBe(late)
    expect(cardThatMakesRoom(late, early)).toBe(late)
  })
  it('counts an unknown time as latest and settles a tie by the larger id', () => {
    const known: MadeCard = { id: 'shape:z', createdAt: 5 }
    const unknown: MadeCard = { id: 'shape:a', createdAt: null }
    expect(cardThatMakesRoom(known, unknown)).toBe(unknown)
    const a = { id: 'shape:a', createdAt: 7 }
    const b = { id: 'shape:b', createdAt: 7 }
    expect(cardThatMakesRoom(a, b)).toBe(b)
    expect(cardThatMakesRoom(b, a)).toBe(b)
  })
})
