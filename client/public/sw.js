// Tavolo's service worker: keeps the app shell (the page, its scripts, styles, fonts and icons)
// so that a board reloaded while offline still opens from this device's IndexedDB copy.
// Network first, so a running server always serves the current build; the API and the relay are
// never cached (they carry secrets and live data).
const CACHE = 'tavolo-shell-v1'

self.addEventListener('install', () => self.skipWaiting())

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  )
})

function isShell(request) {
  const url = new URL(request.url)
  return (
    request.method === 'GET' &&
    url.origin === self.location.origin &&
    !url.pathname.startsWith('/api/') &&
    !url.pathname.startsWith('/ws/') &&
    url.pathname !== '/healthz'
  )
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE)
  try {
    const response = await fetch(request)
    if (response.ok) {
      // Every page of the app is the same index.html: one cache entry serves any board URL.
      const key = request.mode === 'navigate' ? '/' : request
      await cache.put(key, response.clone())
    }
    return response
  } catch (error) {
    const cached = await cache.match(request.mode === 'navigate' ? '/' : request, { ignoreSearch: true })
    if (cached) return cached
    throw error
  }
}

// The page loaded before this worker was active: it sends what it fetched so that is kept too.
self.addEventListener('message', (event) => {
  if (event.data?.type !== 'keep-shell' || !Array.isArray(event.data.urls)) return
  const requests = event.data.urls.map((url) => new Request(url)).filter(isShell)
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(['/', ...requests.map((r) => r.url)])))
})

self.addEventListener('fetch', (event) => {
  if (isShell(event.request)) event.respondWith(networkFirst(event.request))
})
