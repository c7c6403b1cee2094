type WindowListeners = { [K in keyof WindowEventMap]?: (event: WindowEventMap[K]) => void }

/** Adds the listeners to `window`; the returned function removes them (an effect's cleanup). */
export function listenOnWindow(listeners: WindowListeners): () => void {
  const entries = Object.entries(listeners) as [string, EventListener][]
  for (const [type, listener] of entries) window.addEventListener(type, listener)
  return () => {
    for (const [type, listener] of entries) window.removeEventListener(type, listener)
  }
}
