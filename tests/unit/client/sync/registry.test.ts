import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { createRefCountedRegistry } from '../../../../client/src/sync/refCountedRegistry'

// The registry that keeps one provider per board: here around real Y.Docs, with fake timers
// standing in for the grace period.

function docRegistry() {
  const created: Y.Doc[] = []
  const registry = createRefCountedRegistry<Y.Doc>({
    create: () => {
      const doc = new Y.Doc()
      created.push(doc)
      return doc
    },
    destroy: (doc) => doc.destroy(),
    graceMs: 1000,
  })
  return { registry, created }
}

describe('createRefCountedRegistry', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('a StrictMode mount, unmount, mount uses one resource', () => {
    const { registry, created } = docRegistry()
    const first = registry.open('board-1')
    const releaseFirst = registry.retain('board-1', first)
    releaseFirst()
    const second = registry.open('board-1')
    registry.retain('board-1', second)
    vi.advanceTimersByTime(5000)
    expect(second).toBe(first)
    expect(created).toHaveLength(1)
    expect(first.isDestroyed).toBe(false)
  })

  it('released resources are destroyed after the grace period; a later open makes a new one', () => {
    const { registry, created } = docRegistry()
    const doc = registry.open('board-1')
    const release = registry.retain('board-1', doc)
    release()
    release()
    vi.advanceTimersByTime(999)
    expect(doc.isDestroyed).toBe(false)
    vi.advanceTimersByTime(1)
    expect(doc.isDestroyed).toBe(true)
    expect(registry.size()).toBe(0)
    expect(registry.open('board-1')).not.toBe(doc)
    expect(created).toHaveLength(2)
  })

  it('stays alive while any user retains it; opened but never retained expires', () => {
    const { registry } = docRegistry()
    const doc = registry.open('board-1')
    const releaseA = registry.retain('board-1', doc)
    const releaseB = registry.retain('board-1', registry.open('board-1'))
    releaseA()
    vi.advanceTimersByTime(5000)
    expect(doc.isDestroyed).toBe(false)
    releaseB()
    const unused = registry.open('board-2')
    vi.advanceTimersByTime(1000)
    expect(doc.isDestroyed).toBe(true)
    expect(unused.isDestroyed).toBe(true)
    expect(() => registry.retain('board-2', unused)).toThrow(/board-2/)
  })
})
