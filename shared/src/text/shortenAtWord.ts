// One line of a list (a ranking, an export's label) from a text of any length: cut at the last
// word that fits, never in the middle of one, with an ellipsis; a single word longer than the
// line is the one thing cut mid-word.

export function shortenAtWord(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim()
  if (line.length <= max) return line
  const room = line.slice(0, max - 1)
  const lastSpace = room.lastIndexOf(' ')
  const cut = lastSpace > 0 ? room.slice(0, lastSpace) : room
  return `${cut.replace(/[\s,;:.–—-]+$/, '')}…`
}
