import { useEffect } from 'react'
import type { WebsocketProvider } from 'y-websocket'

// When the browser says it is offline the socket cannot be trusted (it may linger half-open), so
// close it: edits then stay in this device's copy and are merged when the browser is back online.
export function useDisconnectWhileOffline(provider: WebsocketProvider): void {
  useEffect(() => {
    const onOffline = () => provider.disconnect()
    const onOnline = () => provider.connect()
    if (!navigator.onLine) onOffline()
    window.addEventListener('offline', onOffline)
    window.addEventListener('online', onOnline)
    return () => {
      window.removeEventListener('offline', onOffline)
      window.removeEventListener('online', onOnline)
    }
  }, [provider])
}
