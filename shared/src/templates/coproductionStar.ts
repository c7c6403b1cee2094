import type { TemplateLayout } from './template'

// The four phases in which professionals and citizens can work together on a public service
// (Bovaird & Loeffler; Nabatchi et al. 2017), one zone each, with a starter idea in plain words
// (the words: `templates.coproduction-star` in shared/src/i18n).

export const coproductionStarTemplate: TemplateLayout = {
  id: 'coproduction-star',
  zones: [
    { key: 'commission', x: 0, y: 0, w: 820, h: 560, accepts: ['tavolo-idea'] },
    { key: 'design', x: 860, y: 0, w: 820, h: 560, accepts: ['tavolo-idea'] },
    { key: 'deliver', x: 0, y: 600, w: 820, h: 560, accepts: ['tavolo-idea'] },
    { key: 'assess', x: 860, y: 600, w: 820, h: 560, accepts: ['tavolo-idea'] },
  ],
  targets: {},
  rules: [],
  starterCards: [
    { key: 'commission', zone: 'commission', type: 'tavolo-idea', props: {} },
    { key: 'design', zone: 'design', type: 'tavolo-idea', props: {} },
    { key: 'deliver', zone: 'deliver', type: 'tavolo-idea', props: {} },
    { key: 'assess', zone: 'assess', type: 'tavolo-idea', props: {} },
  ],
}
