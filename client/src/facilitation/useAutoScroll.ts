import { useEffect, type RefObject } from 'react'

// Nobody scrolls a projector: a panel taller than the screen turns its own pages, a screenful at
// a time with a pause to read each, and starts again from the top after the last.

const PAGE_MS = 8000

export function useAutoScroll(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const timer = window.setInterval(() => {
      const element = ref.current
      if (!element || element.scrollHeight <= element.clientHeight) return
      const atEnd = element.scrollTop + element.clientHeight >= element.scrollHeight - 2
      const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches
      element.scrollTo({ top: atEnd ? 0 : element.scrollTop + element.clientHeight * 0.8, behavior: still ? 'auto' : 'smooth' })
    }, PAGE_MS)
    return () => window.clearInterval(timer)
  }, [ref])
}
