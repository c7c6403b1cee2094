// Escaping of user text for Markdown (CommonMark + GFM tables): a card titled "# x", a "|" in a
// table cell or a line starting "- " must show as typed, never as structure. Every ASCII
// punctuation mark may be backslash-escaped in CommonMark; only the ones that can start or end
// markup are (`!` opens an image only before a `[`, which is escaped), so the file stays
// readable as plain text.

const INLINE_MARKUP = /[\\`*_[\]<>|#~&$]/g
/** Line starts that may open a block: list markers, setext underlines, "1. " or "1) " of an ordered list. */
const BLOCK_START = /^([-+=]|\d{1,9}(?=[.)](\s|$)))/

/** One line of text for a heading, list item or table cell: line breaks become spaces. */
export function markdownInline(text: string): string {
  return escapeLine(text.replace(/\s+/g, ' ').trim())
}

/** Text that may span lines (a description): each line escaped, blank lines kept as paragraph breaks. */
export function markdownParagraph(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => escapeLine(line.replace(/\s+/g, ' ').trim()))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

function escapeLine(line: string): string {
  const escaped = line.replace(INLINE_MARKUP, (c) => `\\${c}`)
  return escaped.replace(BLOCK_START, (start) => (/^\d/.test(start) ? `${start}\\` : `\\${start}`))
}
