import type { Language } from '../i18n'

// A document as a few kinds of blocks, holding plain (unescaped) text: the programme is built
// once as an outline, then rendered to Markdown (shared) and to PDF (server), so the two never
// disagree. Each renderer escapes or sanitises text for its own format.

export interface OutlineColumn {
  title: string
  align: 'left' | 'right'
}

export type OutlineBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /** Text that may hold line breaks (a card's description as typed). */
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; columns: OutlineColumn[]; rows: string[][] }

export interface Outline {
  title: string
  /** The language of its words, for what a renderer adds (the PDF's page numbers). */
  language: Language
  blocks: OutlineBlock[]
}
