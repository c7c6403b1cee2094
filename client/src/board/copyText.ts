// navigator.clipboard exists only in secure contexts; a venue LAN served over plain http is not
// one, so fall back to the selection-based copy there.
export async function copyText(text: string, fallbackInput: HTMLInputElement | null): Promise<boolean> {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text)
      return true
    } catch {
      // permission refused: try the fallback below
    }
  }
  if (!fallbackInput) return false
  fallbackInput.focus()
  fallbackInput.select()
  return document.execCommand('copy')
}
