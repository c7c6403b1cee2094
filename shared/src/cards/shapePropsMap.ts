import type { ContentCardProps } from './content/contentCard'
import type { ExamCardProps } from './exam/examCard'
import type { FormatCardProps } from './format/formatCard'
import type { IdeaCardProps } from './idea/ideaCard'
import type { ZoneProps } from './zone/zone'

// Registers Tavolo's shapes in tldraw's global shape map, so `TLShape<'tavolo-content'>` and
// `editor.createShape({ type: 'tavolo-content', ... })` are typed. Augmenting the tlschema module
// reaches the same interface that 'tldraw' re-exports, so it works for the server and the client.
declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    'tavolo-content': ContentCardProps
    'tavolo-format': FormatCardProps
    'tavolo-exam': ExamCardProps
    'tavolo-idea': IdeaCardProps
    'tavolo-zone': ZoneProps
  }
}
