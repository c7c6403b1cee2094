import { useEffect, useState } from 'react'

// tldraw (production build, https, non-loopback host, no valid key) replaces the editor with a
// hidden `tl-license-expired` marker after ~5 s. We watch for that marker to explain the blank area.
const LICENSE_GATE_SELECTOR = '[data-testid="tl-license-expired"]'

export function useTldrawLicenseBlocked(container: HTMLElement | null): boolean {
  const [blocked, setBlocked] = useState(false)
  useEffect(() => {
    if (!container) return
    const check = () => setBlocked(container.querySelector(LICENSE_GATE_SELECTOR) !== null)
    check()
    const observer = new MutationObserver(check)
    observer.observe(container, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [container])
  return blocked
}
