import { describe, expect, it } from 'vitest'
import { loadOnce } from '../../../server/src/lazy'

describe('loadOnce', () => {
  it('loads once and hands every later call the same result', async () => {
    let loads = 0
    const value = loadOnce(async () => ({ load: ++loads }))
    const first = await value()
    expect(await value()).toBe(first)
    expect(loads).toBe(1)
  })

  it('shares one load between callers that ask while it runs', async () => {
    let loads = 0
    let finish!: (value: string) => void
    const value = loadOnce(() => {
      loads++
      return new Promise<string>((resolve) => (finish = resolve))
    })
    const waiting = [value(), value(), value()]
    finish('loaded')
    expect(await Promise.all(waiting)).toEqual(['loaded', 'loaded', 'loaded'])
    expect(loads).toBe(1)
  })

  it('tries again on the next call after a load fails, and keeps the load that succeeds', async () => {
    let loads = 0
    const value = loadOnce(async () => {
      if (++loads === 1) throw new Error('ENOENT: chunk not found')
      return `load ${loads}`
    })
    // Both callers of the failed load see its error; the next call loads again.
    await expect(Promise.all([value(), value()])).rejects.toThrow('ENOENT')
    expect(await value()).toBe('load 2')
    expect(await value()).toBe('load 2')
    expect(loads).toBe(2)
  })
})
