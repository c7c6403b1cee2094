import {
  createShapePropsMigrationIds,
  createShapePropsMigrationSequence,
  type RecordProps,
  type TLBaseShape,
} from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { fieldOptions, type CardDefinition } from '../cardFields'
import { hoursValidator, parseHours } from '../numberFields'

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
  Initial: 1,
  AddDeliveredBy: 2,
})

export const contentCardMigrations = createShapePropsMigrationSequence({
  sequence: [
    // Changes nothing, yet stays: tldraw numbers a sequence from /1 with no gaps and compares a
    // stored board's version with the last step's number. Dropping it would renumber
    // AddDeliveredBy to 1, so boards stored at version 2 would look newer than this code and
    // boards at version 1 would never get `deliveredBy`.
    { id: contentCardVersions.Initial, up: (props) => props, down: (props) => props },
    {
      id: contentCardVersions.AddDeliveredBy,
      up: (props) => ({ ...props, deliveredBy: 'unset' }),
      down: ({ deliveredBy: _removed, ...props }) => props,
    },
  ],
})

export const DELIVERED_BY_LABELS: Record<DeliveredBy, string> = {
  unset: 'Not decided yet',
  professionals: 'Professionals',
  citizens: 'Citizens',
  both: 'Professionals and citizens together',
}

export function defaultContentCardProps(): ContentCardProps {
  return { w: 260, h: 180, title: '', description: '', hours: 0, deliveredBy: 'unset' }
}

export const CONTENT_CARD: CardDefinition<typeof CONTENT_CARD_TYPE, ContentCardProps> = {
  type: CONTENT_CARD_TYPE,
  props: contentCardProps,
  migrations: contentCardMigrations,
  defaultProps: defaultContentCardProps,
  fields: [
    { key: 'title', label: 'Title', kind: 'text', show: 'heading' },
    { key: 'description', label: 'Description', kind: 'longText', show: 'body' },
    { key: 'hours', label: 'Hours', kind: 'number', unit: 'h', parse: parseHours, show: 'fact' },
    { key: 'deliveredBy', label: 'Delivered by', kind: 'choice', options: fieldOptions(DELIVERED_BY, DELIVERED_BY_LABELS), show: 'fact' },
  ],
}
