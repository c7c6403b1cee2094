import type { TemplateLayout } from './template'

export const blankTemplate: TemplateLayout = {
  id: 'blank',
  zones: [],
  targets: {},
  rules: [],
  starterCards: [],
}
