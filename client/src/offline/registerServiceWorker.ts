/**
 * Registers the service worker that keeps the app shell for offline reloads. Browsers only allow
 * it on https or localhost; elsewhere the app works as before, without offline reloads.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return
  navigator.serviceWorker
    .register('/sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      // What this first page load fetched went past the worker: hand it the list to keep.
      const urls = performance.getEntriesByType('resource').map((entry) => entry.name)
      registration.active?.postMessage({ type: 'keep-shell', urls })
    })
    .catch((error: unknown) => console.warn('Tavolo: offline reload is unavailable:', error))
}
