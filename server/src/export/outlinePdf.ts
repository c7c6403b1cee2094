import { createRequire } from 'node:module'
import type { TFunction } from 'i18next'
import type { Outline, OutlineBlock } from '../../../shared/src/export/outline'
import { translatorFor } from '../../../shared/src/i18n'

// Renders an outline as an A4 PDF in DejaVu Sans, embedded (subset) from the dejavu-fonts-ttf
// package, so names print as typed in Latin Extended, Greek and Cyrillic: black text on white,
// 10.5 pt body, "Page N of M" in the outline's language at the foot of every page.

type Doc = PDFKit.PDFDocument

const MARGIN = 56
const FOOTER_GAP = 28
const BODY = { font: 'DejaVuSans', size: 10.5 }
const BOLD = 'DejaVuSans-Bold'
const HEADING_SIZES = { 1: 20, 2: 14, 3: 11.5 } as const
const CELL_PADDING = 4
/** A heading stays with at least this much of what follows it. */
const KEEP_WITH_NEXT = 60

const require = createRequire(import.meta.url)
/** The font file of one of our two faces; PDFKit embeds only the glyphs a document uses. */
const fontFile = (name: string) => require.resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`)

export async function outlinePdf(outline: Outline): Promise<Buffer> {
  // Loaded on the first export, not at start: PDFKit and its font code are most of the server's size.
  const { default: PDFDocument } = await import('pdfkit')
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_GAP },
    bufferPages: true,
    info: { Title: outline.title, Creator: 'Tavolo' },
    displayTitle: true,
    // Instead of the built-in Helvetica, which has only the WinAnsi characters.
    font: fontFile(BODY.font),
  })
  for (const name of [BODY.font, BOLD]) doc.registerFont(name, fontFile(name))
  const done = collect(doc)
  doc.font(BODY.font).fontSize(BODY.size)
  outline.blocks.forEach((block, i) => {
    if (i > 0) doc.moveDown(block.kind === 'heading' ? 0.8 : 0.4)
    drawBlock(doc, block)
  })
  numberPages(doc, translatorFor(outline.language))
  doc.end()
  return done
}

function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
}

function drawBlock(doc: Doc, block: OutlineBlock): void {
  const width = contentWidth(doc)
  switch (block.kind) {
    case 'heading': {
      doc.font(BOLD).fontSize(HEADING_SIZES[block.level])
      const text = block.text
      ensureSpace(doc, doc.heightOfString(text, { width }) + KEEP_WITH_NEXT)
      doc.text(text, MARGIN, doc.y, { width })
      break
    }
    case 'paragraph':
      doc.font(BODY.font).fontSize(BODY.size).text(block.text, MARGIN, doc.y, { width })
      break
    case 'list':
      doc.font(BODY.font).fontSize(BODY.size)
      for (const item of block.items) {
        const text = item
        ensureSpace(doc, Math.min(doc.heightOfString(text, { width: width - 14 }), 3 * doc.currentLineHeight()))
        const top = doc.y
        doc.text('•', MARGIN + 2, top, { width: 10 })
        doc.text(text, MARGIN + 14, top, { width: width - 14 })
      }
      break
    case 'table':
      drawTable(doc, block)
      break
  }
  doc.x = MARGIN
}

function drawTable(doc: Doc, block: Extract<OutlineBlock, { kind: 'table' }>): void {
  const widths = columnWidths(doc, block)
  const drawRow = (cells: readonly string[], bold: boolean) => {
    doc.font(bold ? BOLD : BODY.font).fontSize(BODY.size)
    const texts = cells
    const height = Math.max(...texts.map((t, i) => doc.heightOfString(t, { width: widths[i] - 2 * CELL_PADDING }))) + 2 * CELL_PADDING
    ensureSpace(doc, height)
    const top = doc.y
    let x = MARGIN
    texts.forEach((text, i) => {
      doc.text(text, x + CELL_PADDING, top + CELL_PADDING, { width: widths[i] - 2 * CELL_PADDING, align: block.columns[i].align })
      x += widths[i]
    })
    doc.y = top + height
    doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + contentWidth(doc), doc.y).lineWidth(bold ? 1 : 0.4).strokeColor('#555555').stroke()
  }
  drawRow(
    block.columns.map((c) => c.title),
    true,
  )
  for (const row of block.rows) drawRow(row, false)
}

/**
 * When the table fits, each column gets its natural width and the last text column the rest
 * (numbers stay beside their labels). Otherwise each column gets what its longest word needs and
 * the rest goes to the columns in proportion to how much more they want.
 */
function columnWidths(doc: Doc, block: Extract<OutlineBlock, { kind: 'table' }>): number[] {
  const total = contentWidth(doc)
  const texts = block.columns.map((column, i) => [column.title, ...block.rows.map((row) => row[i] ?? '')])
  doc.font(BOLD).fontSize(BODY.size)
  const natural = texts.map((column) => Math.max(...column.map((t) => doc.widthOfString(t))) + 2 * CELL_PADDING)
  const naturalTotal = sum(natural)
  if (naturalTotal <= total) {
    const lastText = block.columns.map((c) => c.align).lastIndexOf('left')
    return natural.map((width, i) => (i === (lastText < 0 ? natural.length - 1 : lastText) ? width + total - naturalTotal : width))
  }
  const longestWord = (t: string) => Math.max(...t.split(/\s+/).map((word) => doc.widthOfString(word)))
  const minimum = texts.map((column) => Math.min(total / block.columns.length, Math.max(...column.map(longestWord)) + 2 * CELL_PADDING))
  const wanted = natural.map((width, i) => Math.max(0, width - minimum[i]))
  const extra = Math.max(0, total - sum(minimum))
  return minimum.map((width, i) => width + (extra * wanted[i]) / sum(wanted))
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0)
}

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage()
}

function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right
}

function numberPages(doc: Doc, t: TFunction): void {
  const { start, count } = doc.bufferedPageRange()
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i)
    // Writing below the bottom margin would start a new page: lift the margin for the footer.
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    doc
      .font(BODY.font)
      .fontSize(9)
      .fillColor('#333333')
      .text(t('programme.page', { page: i - start + 1, pages: count }), MARGIN, doc.page.height - MARGIN, { width: contentWidth(doc), align: 'center', lineBreak: false })
    doc.page.margins.bottom = bottom
  }
}
