import { EXPORT_ROLES, type ExportFormat } from '../../../shared/src/export/exportFormats'
import type { TFunction } from 'i18next'
import type { AccessRole } from '../../../shared/src/roles'

// What the board's Export menu offers, by access role: the server's formats each role may
// download, then the images (everyone), then images of the selected zone when one is selected.

export type ImageFormat = 'png' | 'svg'

export type ExportMenuItem =
  | { id: string; label: string; source: 'server'; format: ExportFormat }
  | { id: string; label: string; source: 'image'; format: ImageFormat; scope: 'board' | 'zone' }

const SERVER_FORMATS: ExportFormat[] = ['md', 'pdf', 'csv', 'json']
const IMAGE_FORMATS: ImageFormat[] = ['png', 'svg']

export function exportMenuItems(role: AccessRole, zoneSelected: boolean, t: TFunction): ExportMenuItem[] {
  const server: ExportMenuItem[] = SERVER_FORMATS.filter((format) => EXPORT_ROLES[format].includes(role)).map((format) => ({
    id: format,
    label: t(`export.${format}`),
    source: 'server',
    format,
  }))
  const images: ExportMenuItem[] = IMAGE_FORMATS.map((format) => ({
    id: `board-${format}`,
    label: t('export.boardImage', { format: format.toUpperCase() }),
    source: 'image',
    format,
    scope: 'board',
  }))
  const zoneImages: ExportMenuItem[] = zoneSelected
    ? IMAGE_FORMATS.map((format) => ({
        id: `zone-${format}`,
        label: t('export.zoneImage', { format: format.toUpperCase() }),
        source: 'image',
        format,
        scope: 'zone',
      }))
    : []
  return [...server, ...images, ...zoneImages]
}
