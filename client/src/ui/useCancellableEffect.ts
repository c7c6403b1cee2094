import { useEffect, type DependencyList } from 'react'

/**
 * An effect that starts asynchronous work: `signal` aborts once `deps` change or the component
 * goes away, so the work stops and a late answer is dropped (check `signal.aborted` before using
 * it). `start` may return a cleanup of its own (an interval).
 */
export function useCancellableEffect(start: (signal: AbortSignal) => void | (() => void), deps: DependencyList): void {
  useEffect(() => {
    const controller = new AbortController()
    const cleanup = start(controller.signal)
    return () => {
      controller.abort()
      cleanup?.()
    }
  }, deps)
}
