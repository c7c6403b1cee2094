import {
  createShapePropsMigrationSequence,
  type RecordProps,
  type TLBaseShape,
} from '@tldraw/tlschema'
import { T } from '@tldraw/validate'

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

export const IDEA_CARD_FIELD_LABELS: Record<keyof Omit<IdeaCardProps, 'w' | 'h'>, string> = {
  text: 'Idea',
}

export function defaultIdeaCardProps(): IdeaCardProps {
  return { w: 220, h: 160, text: '' }
}
