import type { ServerResponse } from 'node:http'

// The browser policy for everything the server sends. The app loads nothing from any other host:
// tldraw's fonts, icons and translations are bundled, pasted images become data:/blob: URLs before
// upload, and exports draw through data:/blob: images. Styles allow inline because tldraw writes
// style attributes and <style> elements at run time.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "media-src 'self' data: blob:",
  // tldraw fetches its bundled translations as data: URLs and reads pasted images through blob: URLs.
  "connect-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/** Sets the policy headers; a response may still replace them (an SVG image sets its own stricter CSP). */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('X-Frame-Options', 'DENY')
}
