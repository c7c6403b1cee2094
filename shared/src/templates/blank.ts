import type { Template } from './template'

export const blankTemplate: Template = {
  id: 'blank',
  title: 'Blank',
  description: 'An empty board: add zones and cards as you go.',
  zones: [],
  targets: {},
  rules: [],
  starterCards: [],
}
