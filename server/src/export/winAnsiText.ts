// PDFKit's built-in fonts (Helvetica) only have the Windows-1252 ("WinAnsi") characters; anything
// else would print as a wrong glyph. Text is reduced to that set before it reaches the PDF:
// accents outside it are dropped (ő → o), a few common signs get a plain equivalent (≈ → ~),
// and any other character becomes "?" rather than failing the export.

/** Windows-1252 characters outside Latin-1, which PDFKit maps to their WinAnsi codes. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ')

const PLAIN_EQUIVALENTS: Record<string, string> = {
  '≈': '~',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '→': '->',
  '←': '<-',
  '≤': '<=',
  '≥': '>=',
  '≠': '!=',
  '✓': 'v',
  'ł': 'l',
  'Ł': 'L',
  'đ': 'd',
  'Đ': 'D',
  'ı': 'i',
  '\t': ' ',
}

export const UNSUPPORTED_CHARACTER = '?'

export function toWinAnsi(text: string): string {
  let result = ''
  for (const char of text) result += winAnsiChar(char)
  return result
}

function winAnsiChar(char: string): string {
  if (isWinAnsi(char)) return char
  if (Object.hasOwn(PLAIN_EQUIVALENTS, char)) return PLAIN_EQUIVALENTS[char]
  if (/\s/u.test(char)) return ' '
  // Zero-width characters and combining marks of a character already written.
  if (/[\p{M}\p{Cf}]/u.test(char)) return ''
  const base = char.normalize('NFKD').replace(/\p{M}/gu, '')
  return base !== '' && [...base].every(isWinAnsi) ? base : UNSUPPORTED_CHARACTER
}

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0
  return char === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char)
}
