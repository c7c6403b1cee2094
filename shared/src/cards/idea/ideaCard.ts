import {
  createShapePropsMigrationSequence,
  type RecordProps,
  type TLBaseShape,
} from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import type { CardDefinition } from '../cardFields'

/** A free-text proposal that is not yet structured. */
export const IDEA_CARD_TYPE = 'tavolo-idea'

export interface IdeaCardProps {
  w: number
  h: number
  text: string
}

export type IdeaCardShape = TLBaseShape<typeof IDEA_CARD_TYPE, IdeaCardProps>

export const ideaCardProps: RecordProps<IdeaCardShape> = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
  text: T.string,
}

// No change since the first published props; a later change adds its step here.
export const ideaCardMigrations = createShapePropsMigrationSequence({ sequence: [] })

export function defaultIdeaCardProps(): IdeaCardProps {
  return { w: 220, h: 160, text: '' }
}

export const IDEA_CARD: CardDefinition<typeof IDEA_CARD_TYPE, IdeaCardProps> = {
  type: IDEA_CARD_TYPE,
  props: ideaCardProps,
  migrations: ideaCardMigrations,
  defaultProps: defaultIdeaCardProps,
  fields: [{ key: 'text', label: 'Idea', kind: 'longText', show: 'body' }],
}
