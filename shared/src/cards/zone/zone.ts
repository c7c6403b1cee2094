import {
  createShapePropsMigrationSequence,
  type RecordProps,
  type TLBaseShape,
} from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { CARD_TYPES, type CardType } from '../cardTypes'

/** A labelled area of a template that holds cards like a frame (cards inside are its children). */
export const ZONE_TYPE = 'tavolo-zone'

export interface ZoneProps {
  w: number
  h: number
  title: string
  /** The card types this zone expects; only those count in its totals. */
  accepts: CardType[]
}

export type ZoneShape = TLBaseShape<typeof ZONE_TYPE, ZoneProps>

export const zoneProps: RecordProps<ZoneShape> = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
  title: T.string,
  accepts: T.arrayOf(T.literalEnum(...CARD_TYPES)),
}

// No change since the first published props; a later change adds its step here.
export const zoneMigrations = createShapePropsMigrationSequence({ sequence: [] })

export function defaultZoneProps(): ZoneProps {
  return { w: 800, h: 600, title: '', accepts: [] }
}

/** Height of a zone's title bar, in canvas units: the view draws it, starter cards go below it. */
export const ZONE_HEADER_HEIGHT = 48
