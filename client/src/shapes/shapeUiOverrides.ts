import type { TLUiOverrides } from 'tldraw'
import { CARD_TYPE_LABELS, CARD_TYPES, ZONE_TYPE } from '../../../shared/src/cards'

// tldraw names a selected shape to screen readers by the translation `tool.<shape type>`; without
// these, it would read out "tool.tavolo-content".
export const tavoloUiOverrides: TLUiOverrides = {
  translations: {
    en: {
      ...Object.fromEntries(CARD_TYPES.map((type) => [`tool.${type}`, `${CARD_TYPE_LABELS[type]} card`])),
      [`tool.${ZONE_TYPE}`]: 'Zone',
    },
  },
}
