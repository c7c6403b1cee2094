// Hands a Blob to the browser as a download. The object URL outlives the click by a while: revoking
// it at once can cancel a download the browser has not started reading yet.
const REVOKE_AFTER_MS = 60_000

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS)
}
