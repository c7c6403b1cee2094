import type { AccessRole } from '../roles'

// How each export is served and saved, so the server's endpoints and the client's downloads give
// the same file names and types.

export const EXPORT_FORMATS = {
  md: { contentType: 'text/markdown; charset=utf-8', suffix: '-programme.md' },
  pdf: { contentType: 'application/pdf', suffix: '-programme.pdf' },
  csv: { contentType: 'text/csv; charset=utf-8; header=present', suffix: '-cards.csv' },
  json: { contentType: 'application/json; charset=utf-8', suffix: '.tavolo.json' },
} as const
export type ExportFormat = keyof typeof EXPORT_FORMATS

// The programme document is for everyone at the table; the raw data (every card, every person,
// every vote) is the organisers'. The server enforces this; the client's menu follows it.
export const EXPORT_ROLES: Record<ExportFormat, readonly AccessRole[]> = {
  md: ['facilitator', 'editor', 'viewer'],
  pdf: ['facilitator', 'editor', 'viewer'],
  csv: ['facilitator'],
  json: ['facilitator'],
}

const SLUG_MAX = 60

/** "MSc — Città 2026!" → "msc-citta-2026-programme.md": ASCII only, safe in any header or file system. */
export function exportFileName(title: string, format: ExportFormat): string {
  return `${fileNameSlug(title)}${EXPORT_FORMATS[format].suffix}`
}

/** "MSc — Città 2026!" → "msc-citta-2026"; "tavolo-board" when nothing is left. Also names the client's images. */
export function fileNameSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, SLUG_MAX)
    .replace(/^-+|-+$/g, '')
  return slug || 'tavolo-board'
}
