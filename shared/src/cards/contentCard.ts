import {
  createShapePropsMigrationIds,
  createShapePropsMigrationSequence,
  type RecordProps,
  type TLBaseShape,
} from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { hoursValidator } from './numberFields'

/** A module or topic of the course. */
export const CONTENT_CARD_TYPE = 'tavolo-content'

/** Who delivers a content in the co-delivery phase; `unset` until the group decides. */
export const DELIVERED_BY = ['unset', 'professionals', 'citizens', 'both'] as const
export type DeliveredBy = (typeof DELIVERED_BY)[number]

export interface ContentCardProps {
  w: number
  h: number
  title: string
  description: string
  hours: number
  deliveredBy: DeliveredBy
}

export type ContentCardShape = TLBaseShape<typeof CONTENT_CARD_TYPE, ContentCardProps>

export const contentCardProps: RecordProps<ContentCardShape> = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
  title: T.string,
  description: T.string,
  hours: hoursValidator,
  deliveredBy: T.literalEnum(...DELIVERED_BY),
}

export const contentCardVersions = createShapePropsMigrationIds(CONTENT_CARD_TYPE, {
  // Version 1 is the first published props (title, description, hours): nothing to change.
  Initial: 1,
  AddDeliveredBy: 2,
})

export const contentCardMigrations = createShapePropsMigrationSequence({
  sequence: [
    { id: contentCardVersions.Initial, up: (props) => props, down: (props) => props },
    {
      id: contentCardVersions.AddDeliveredBy,
      up: (props) => ({ ...props, deliveredBy: 'unset' }),
      down: ({ deliveredBy: _removed, ...props }) => props,
    },
  ],
})

export const CONTENT_CARD_FIELD_LABELS: Record<keyof Omit<ContentCardProps, 'w' | 'h'>, string> = {
  title: 'Title',
  description: 'Description',
  hours: 'Hours',
  deliveredBy: 'Delivered by',
}

export const DELIVERED_BY_LABELS: Record<DeliveredBy, string> = {
  unset: 'Not decided yet',
  professionals: 'Professionals',
  citizens: 'Citizens',
  both: 'Professionals and citizens together',
}

export function defaultContentCardProps(): ContentCardProps {
  return { w: 260, h: 180, title: '', description: '', hours: 0, deliveredBy: 'unset' }
}
