import type { Page } from 'playwright-core'

// Counts React renders without a hook in the app: a stand-in for the React DevTools hook (which
// React calls after every commit, production builds included) walks the committed tree. A
// component rendered in a commit when its first hook's state object is new: React copies the hook
// list on every render and keeps it when the component bails out.

declare global {
  interface Window {
    __renders?: { target: unknown; count: number; root: unknown; walk(): void }
  }
}

/** Before the app loads: installs the stand-in hook on every page of the context. */
export async function installRenderCounter(page: Page): Promise<void> {
  await page.addInitScript(() => {
    type Fiber = { tag: number; type: unknown; child: Fiber | null; sibling: Fiber | null; alternate: Fiber | null; memoizedState: unknown }
    const lastState = new WeakMap<Fiber, { state: unknown }>()
    const state = (window.__renders = { target: null as unknown, count: 0, root: null as { current: Fiber } | null, walk: () => {} })
    const countIn = (fiber: Fiber) => {
      for (let f: Fiber | null = fiber; f; f = f.sibling) {
        // Function components, forwardRef and memo'd function components.
        if ((f.tag === 0 || f.tag === 11 || f.tag === 15) && f.memoizedState !== null) {
          const seen = lastState.get(f) ?? (f.alternate && lastState.get(f.alternate)) ?? { state: undefined }
          if (seen.state !== f.memoizedState) state.count++
          seen.state = f.memoizedState
          lastState.set(f, seen)
          if (f.alternate) lastState.set(f.alternate, seen)
        }
        if (f.child) countIn(f.child)
      }
    }
    const find = (fiber: Fiber | null): void => {
      for (let f = fiber; f; f = f.sibling) {
        if (f.type === state.target) {
          // The target itself, then its subtree (its siblings are not ours).
          const { sibling } = f
          f.sibling = null
          try {
            countIn(f)
          } finally {
            f.sibling = sibling
          }
        } else find(f.child)
      }
    }
    state.walk = () => {
      if (state.target && state.root) find(state.root.current)
    }
    let renderers = 0
    Object.defineProperty(window, '__REACT_DEVTOOLS_GLOBAL_HOOK__', {
      value: {
        supportsFiber: true,
        isDisabled: false,
        renderers: new Map(),
        inject: () => ++renderers,
        checkDCE: () => {},
        onCommitFiberRoot: (_id: number, root: { current: Fiber }) => {
          state.root = root
          state.walk()
        },
        onCommitFiberUnmount: () => {},
        onPostCommitFiberRoot: () => {},
        onScheduleFiberRoot: () => {},
      },
    })
  })
}

/**
 * From now on, counts the renders of the component that renders `selector`'s element and of every
 * component below it (the first time it is seen counts as a render).
 */
export async function countRendersUnder(page: Page, selector: string): Promise<void> {
  await page.evaluate((sel) => {
    const element = document.querySelector(sel)!
    const key = Object.keys(element).find((k) => k.startsWith('__reactFiber$'))!
    const host = (element as unknown as Record<string, { return: { type: unknown } }>)[key]
    // What is mounted now is not a render to count.
    window.__renders!.target = host.return.type
    window.__renders!.walk()
    window.__renders!.count = 0
  }, selector)
}

/** The renders counted so far; resets the count. */
export function takeRenders(page: Page): Promise<number> {
  return page.evaluate(() => {
    const { count } = window.__renders!
    window.__renders!.count = 0
    return count
  })
}
