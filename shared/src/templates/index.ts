// The template contract the server and the client use. Templates themselves are data files.

export { getTemplate, hasTemplate, listTemplates, TEMPLATE_IDS } from './catalog'
export { seedBoardDoc } from './seedBoardDoc'
export { mergeTemplateSettings, type TemplateSessionSettings } from './sessionSettings'
export {
  TEMPLATE_RULES,
  type StarterCard,
  type Template,
  type TemplateLayout,
  type TemplateTexts,
  type TemplateRule,
  type TemplateTargets,
  type TemplateZone,
} from './template'
export { STARTER_LAYOUT, templateRecords, type TemplateRecordsOptions } from './templateRecords'
export { TEMPLATE_SPACING, templateRecordsForBoard } from './templateRecordsForBoard'
export { validateTemplate } from './validateTemplate'
