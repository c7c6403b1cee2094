import { EXPORT_ROLES, type ExportFormat } from '../../../shared/src/export/exportFormats'
import type { AccessRole } from '../../../shared/src/roles'

// What the board's Export menu offers, by access role: the server's formats each role may
// download, then the images (everyone), then images of the selected zone when one is selected.

export type ImageFormat = 'png' | 'svg'

export type ExportMenuItem =
  | { id: string; label: string; source: 'server'; format: ExportFormat }
  | { id: string; label: string; source: 'image'; format: ImageFormat; scope: 'board' | 'zone' }

const SERVER_ITEMS: { format: ExportFormat; label: string }[] = [
  { format: 'md', label: 'Programme (Markdown)' },
  { format: 'pdf', label: 'Programme (PDF)' },
  { format: 'csv', label: 'Cards (CSV)' },
  { format: 'json', label: 'Board file (JSON)' },
]
const IMAGE_FORMATS: ImageFormat[] = ['png', 'svg']

export function exportMenuItems(role: AccessRole, zoneSelected: boolean): ExportMenuItem[] {
  const server: ExportMenuItem[] = SERVER_ITEMS.filter((item) => EXPORT_ROLES[item.format].includes(role)).map((item) => ({
    id: item.format,
    label: item.label,
    source: 'server',
    format: item.format,
  }))
  const images: ExportMenuItem[] = IMAGE_FORMATS.map((format) => ({
    id: `board-${format}`,
    label: `Image of the board (${format.toUpperCase()})`,
    source: 'image',
    format,
    scope: 'board',
  }))
  const zoneImages: ExportMenuItem[] = zoneSelected
    ? IMAGE_FORMATS.map((format) => ({
        id: `zone-${format}`,
        label: `Image of this zone (${format.toUpperCase()})`,
        source: 'image',
        format,
        scope: 'zone',
      }))
    : []
  return [...server, ...images, ...zoneImages]
}
