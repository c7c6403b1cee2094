import { useEffect, useRef } from 'react'

/**
 * A ref for the button that opens a form or panel in its own place. When `open` turns false (Escape,
 * Cancel, Save, Close) it unmounts with the focus in it, so the button takes the focus back:
 * a keyboard user goes on from there instead of from the top of the page.
 */
export function useReturnFocus<E extends HTMLElement>(open: boolean) {
  const opener = useRef<E>(null)
  const wasOpen = useRef(open)
  useEffect(() => {
    if (wasOpen.current && !open) opener.current?.focus()
    wasOpen.current = open
  }, [open])
  return opener
}
