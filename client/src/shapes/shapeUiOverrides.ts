import type { TLUiOverrides } from 'tldraw'
import { CARD_TYPES, ZONE_TYPE } from '../../../shared/src/cards'
import { languages, translatorFor, type Language } from '../../../shared/src/i18n'

// tldraw names a selected shape to screen readers by the translation `tool.<shape type>`; without
// these, it would read out "tool.tavolo-content".
// In each of our languages, which tldraw picks by its locale.
function shapeNames(language: Language): Record<string, string> {
  const t = translatorFor(language)
  return {
    ...Object.fromEntries(CARD_TYPES.map((type) => [`tool.${type}`, t('card.name', { type: t(`cardTypes.${type}`) })])),
    [`tool.${ZONE_TYPE}`]: t(`cardTypes.${ZONE_TYPE}`),
  }
}

export const tavoloUiOverrides: TLUiOverrides = {
  translations: Object.fromEntries(languages.map((language) => [language, shapeNames(language)])),
}
