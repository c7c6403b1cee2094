// crypto.randomUUID exists only in secure contexts, and a venue LAN on plain http is not one;
// getRandomValues works everywhere. 128 random bits, as hex.
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
