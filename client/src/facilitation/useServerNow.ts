import { useEffect, useState } from 'react'
import { serverNow } from '../../../shared/src/session/clockOffset'

/** The server's time, re-read every `everyMs` while `ticking` (a countdown on screen). */
export function useServerNow(clockOffsetMs: number, ticking: boolean, everyMs = 250): number {
  const [clientNow, setClientNow] = useState(() => Date.now())
  useEffect(() => {
    setClientNow(Date.now())
    if (!ticking) return
    const interval = window.setInterval(() => setClientNow(Date.now()), everyMs)
    return () => window.clearInterval(interval)
  }, [ticking, everyMs])
  return serverNow(clockOffsetMs, clientNow)
}
