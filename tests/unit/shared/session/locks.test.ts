import { describe, expect, it } from 'vitest'
import { isLocked, lockedAncestorOrSelf, withLock, type ShapeLookup } from '../../../../shared/src/session/locks'

// A template frame holding a zone holding a card; a second zone on the page; a zone in a group.
const shapes = new Map([
  ['shape:frame', { type: 'frame', parentId: 'page:page' }],
  ['shape:zone-in-frame', { type: 'tavolo-zone', parentId: 'shape:frame' }],
  ['shape:card', { type: 'tavolo-content', parentId: 'shape:zone-in-frame' }],
  ['shape:zone', { type: 'tavolo-zone', parentId: 'page:page' }],
  ['shape:group', { type: 'group', parentId: 'page:page' }],
  ['shape:zone-in-group', { type: 'tavolo-zone', parentId: 'shape:group' }],
])
const getShape: ShapeLookup = (id) => shapes.get(id)

describe('locks', () => {
  it('locks and unlocks a shape without touching the others', () => {
    const locks = withLock(withLock({}, 'shape:zone', true), 'shape:frame', true)
    expect(locks).toEqual({ 'shape:zone': true, 'shape:frame': true })
    expect(isLocked(locks, 'shape:zone')).toBe(true)
    expect(withLock(locks, 'shape:zone', false)).toEqual({ 'shape:frame': true })
    expect(isLocked({}, 'toString')).toBe(false)
    expect(() => withLock({}, '', true)).toThrow(/shape id/)
  })

  it('a locked zone holds itself and the cards inside it', () => {
    const locks = withLock({}, 'shape:zone-in-frame', true)
    expect(lockedAncestorOrSelf(locks, 'shape:zone-in-frame', getShape)).toBe('shape:zone-in-frame')
    expect(lockedAncestorOrSelf(locks, 'shape:card', getShape)).toBe('shape:zone-in-frame')
    expect(lockedAncestorOrSelf(locks, 'shape:frame', getShape)).toBeNull()
  })

  it('a locked frame also holds the zones and cards inside it', () => {
    const locks = withLock({}, 'shape:frame', true)
    expect(lockedAncestorOrSelf(locks, 'shape:zone-in-frame', getShape)).toBe('shape:frame')
    expect(lockedAncestorOrSelf(locks, 'shape:card', getShape)).toBe('shape:frame')
    expect(lockedAncestorOrSelf(locks, 'shape:zone', getShape)).toBeNull()
  })

  it('ignores locks on shapes that cannot be locked; stops at unknown shapes and cycles', () => {
    expect(lockedAncestorOrSelf({ 'shape:group': true }, 'shape:zone-in-group', getShape)).toBeNull()
    expect(lockedAncestorOrSelf({ 'shape:zone': true }, 'shape:missing', getShape)).toBeNull()
    const loop: ShapeLookup = (id) => ({ type: 'frame', parentId: id === 'a' ? 'b' : 'a' })
    expect(lockedAncestorOrSelf({}, 'a', loop)).toBeNull()
  })
})
