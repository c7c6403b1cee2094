import { markdownInline, markdownParagraph } from './markdownText'
import type { Outline, OutlineBlock } from './outline'
import type { BoardDocContent } from '../doc/readBoardDoc'
import { programmeOutline, type ProgrammeOptions } from './programmeOutline'

/** The programme document in Markdown (CommonMark with GFM tables), ending with one newline. */
export function programmeMarkdown(board: BoardDocContent, opts: ProgrammeOptions): string {
  return outlineMarkdown(programmeOutline(board, opts))
}

export function outlineMarkdown(outline: Outline): string {
  return `${outline.blocks.map(blockMarkdown).join('\n\n')}\n`
}

function blockMarkdown(block: OutlineBlock): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${markdownInline(block.text)}`
    case 'paragraph':
      return markdownParagraph(block.text)
    case 'list':
      return block.items.map((item) => `- ${markdownInline(item)}`).join('\n')
    case 'table': {
      const row = (cells: readonly string[]) => `| ${cells.map(markdownInline).join(' | ')} |`
      const rule = `|${block.columns.map((c) => (c.align === 'right' ? ' ---: ' : ' --- ')).join('|')}|`
      return [row(block.columns.map((c) => c.title)), rule, ...block.rows.map(row)].join('\n')
    }
  }
}
