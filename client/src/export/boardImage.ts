import type { Editor, TLShapeId } from 'tldraw'
import { fileNameSlug } from '../../../shared/src/export/exportFormats'
import { i18next } from '../i18n/i18n'
import type { ImageFormat } from './exportMenuItems'

// A picture of the whole board or of one zone, drawn in the browser by tldraw. tldraw embeds the
// fonts from the bundled assets, so the image needs nothing from outside this server. Always light,
// with the paper background, for slides.

const PADDING = 32

export interface BoardImage {
  blob: Blob
  fileName: string
}

export async function boardImage(
  editor: Editor,
  format: ImageFormat,
  target: { boardTitle: string; zone: { id: TLShapeId; title: string } | null },
): Promise<BoardImage> {
  const ids = target.zone ? zoneWithCards(editor, target.zone.id) : [...editor.getCurrentPageShapeIds()]
  if (ids.length === 0) throw new Error(i18next.t('export.boardEmpty'))
  const opts = { background: true, darkMode: false, padding: PADDING }
  const name = `${fileNameSlug(target.boardTitle)}-${target.zone ? `zone-${fileNameSlug(target.zone.title)}` : 'board'}.${format}`
  if (format === 'svg') {
    const svg = await editor.getSvgString(ids, opts)
    if (!svg) throw new Error(i18next.t('export.svgFailed'))
    return { blob: new Blob([svg.svg], { type: 'image/svg+xml' }), fileName: name }
  }
  const image = await editor.toImage(ids, { ...opts, format: 'png' })
  return { blob: image.blob, fileName: name }
}

/**
 * The zone and its cards. Given a frame-like shape's id alone, tldraw draws only its children,
 * without the zone's title bar, so the cards are listed beside it.
 */
function zoneWithCards(editor: Editor, zoneId: TLShapeId): TLShapeId[] {
  const cards = editor.getSortedChildIdsForParent(zoneId)
  if (cards.length === 0) throw new Error(i18next.t('export.zoneEmpty'))
  return [zoneId, ...cards]
}
