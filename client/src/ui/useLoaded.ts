import { useState, type DependencyList } from 'react'
import { describeError } from '../api'
import { useCancellableEffect } from './useCancellableEffect'

// Something a screen loads when it appears (board info, links, templates, a QR code): loading,
// then its value or an error a person can read. A result that arrives after the inputs changed
// or the component went away is dropped, so a slow answer never overwrites a newer one.

export type Loaded<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string }

/** Runs `load` now and whenever `deps` change (list what `load` reads, as for useEffect). */
export function useLoaded<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' })
  useCancellableEffect((signal) => {
    setState({ status: 'loading' })
    load().then(
      (value) => signal.aborted || setState({ status: 'ready', value }),
      (error: unknown) => signal.aborted || setState({ status: 'error', message: describeError(error) }),
    )
  }, deps)
  return state
}
