import type { TLAnyShapeUtilConstructor } from 'tldraw'
import { CARD_DEFINITIONS, CARD_TYPES } from '../../../shared/src/cards'
import { createCardShapeUtil } from './card/cardShapeUtil'
import { ZoneShapeUtil } from './zone/ZoneShapeUtil'

// The views of Tavolo's shapes. What each shape stores (props, validators, migrations) and which
// fields a card has live in shared/src/cards/<type>/; here: card/ (one view and editor for every
// card type) and zone/. tldraw adds its default shapes itself.

/** The four cards and the zones, one array instance: pass it to the store and to <Tldraw shapeUtils>. */
export const tavoloShapeUtils: readonly TLAnyShapeUtilConstructor[] = [
  ...CARD_TYPES.map((type) => createCardShapeUtil(CARD_DEFINITIONS[type])),
  ZoneShapeUtil,
]
