// Where in an input a value sits, how deeply it nests, and ids shortened for messages. No library
// here: the relay judges nesting on its start path, which loads no validation library.

/** `"session.voting": `, naming where in the input a problem is; nothing for the input itself. */
export function fieldPrefix(path: readonly (string | number)[]): string {
  return path.length > 0 ? `"${path.join('.')}": ` : ''
}

/**
 * The deepest nesting of arrays and objects a value may have, in an imported board file (400
 * beyond) or written to a live board (4403): far more than any board holds (rich text's nested
 * lists included), far less than would overflow the stack in the readers that recurse.
 */
export const MAX_NESTING_DEPTH = 256

/** Why a value nested deeper than MAX_NESTING_DEPTH is refused, naming where it is when known. */
export function nestedTooDeep(path: readonly (string | number)[]): string {
  return `${path.length > 0 ? fieldPrefix(path) : 'a value '}nested more than ${MAX_NESTING_DEPTH} levels deep`
}

/**
 * The path to the first array or object in `value` nested more than `maxDepth` levels deep, or
 * null. Walked without recursion: a hostile input nested thousands deep is what it looks for.
 */
export function pathDeeperThan(value: unknown, maxDepth: number): string[] | null {
  if (value === null || typeof value !== 'object') return null
  const open: { entries: [string, unknown][]; next: number }[] = [{ entries: Object.entries(value), next: 0 }]
  while (open.length > 0) {
    const top = open[open.length - 1]
    if (top.next === top.entries.length) {
      open.pop()
      continue
    }
    const child = top.entries[top.next++][1]
    if (child === null || typeof child !== 'object') continue
    if (open.length === maxDepth) return open.map(({ entries, next }) => entries[next - 1][0])
    open.push({ entries: Object.entries(child), next: 0 })
  }
  return null
}

/** Keeps ids and messages short enough for a websocket close reason (123 bytes). */
export function short(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}
