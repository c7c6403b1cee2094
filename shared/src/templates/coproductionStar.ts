import type { Template } from './template'

// The four phases in which professionals and citizens can work together on a public service
// (Bovaird & Loeffler; Nabatchi et al. 2017), one zone each, with a starter idea in plain words.

export const coproductionStarTemplate: Template = {
  id: 'coproduction-star',
  title: 'Co-production Star',
  description:
    'For any public service: collect ideas for how professionals and citizens can co-commission, co-design, co-deliver and co-assess it together.',
  zones: [
    { key: 'commission', title: 'Co-commission', x: 0, y: 0, w: 820, h: 560, accepts: ['tavolo-idea'] },
    { key: 'design', title: 'Co-design', x: 860, y: 0, w: 820, h: 560, accepts: ['tavolo-idea'] },
    { key: 'deliver', title: 'Co-deliver', x: 0, y: 600, w: 820, h: 560, accepts: ['tavolo-idea'] },
    { key: 'assess', title: 'Co-assess', x: 860, y: 600, w: 820, h: 560, accepts: ['tavolo-idea'] },
  ],
  targets: {},
  rules: [],
  starterCards: [
    {
      zone: 'commission',
      type: 'tavolo-idea',
      props: {
        text: 'Decide together what matters most: which needs, results and people this service should put first. For example, residents and the police choosing the areas that need safety patrols.',
      },
    },
    {
      zone: 'design',
      type: 'tavolo-idea',
      props: {
        text: 'Bring the experience of the people who use the service into how it is planned and arranged. For example, redesigning an application form or a website with its users.',
      },
    },
    {
      zone: 'deliver',
      type: 'tavolo-idea',
      props: {
        text: 'Professionals and citizens run the service side by side. For example, parents organising school activities with teachers, or students helping the university with welcome days.',
      },
    },
    {
      zone: 'assess',
      type: 'tavolo-idea',
      props: {
        text: 'Check together how well the service works and what to improve. For example, tenants acting as inspection advisers, or residents walking their neighbourhood to judge how easy it is to get around.',
      },
    },
  ],
}
