import type { TemplateLayout } from './template'

// The flagship exercise: the lecture Tavolo grew from ends by asking its audience to co-design
// "the programme of a University MSc course on Public Services Management, around 50 hours".
// Starter contents follow that lecture's own agenda (the words: `templates.msc-public-services`
// in shared/src/i18n).

export const mscPublicServicesTemplate: TemplateLayout = {
  id: 'msc-public-services',
  zones: [
    { key: 'contents', x: 0, y: 0, w: 920, h: 640, accepts: ['tavolo-content'] },
    { key: 'formats', x: 960, y: 0, w: 800, h: 640, accepts: ['tavolo-format'] },
    { key: 'exams', x: 0, y: 680, w: 920, h: 440, accepts: ['tavolo-exam'] },
    { key: 'parking', x: 960, y: 680, w: 800, h: 440, accepts: ['tavolo-idea'] },
  ],
  targets: { totalHours: 50 },
  rules: ['content-hours-match-target', 'format-hours-match-target', 'exam-weights-total-100'],
  starterCards: [
    { key: 'administration', zone: 'contents', type: 'tavolo-content', props: {} },
    { key: 'governance', zone: 'contents', type: 'tavolo-content', props: {} },
    { key: 'newGovernance', zone: 'contents', type: 'tavolo-content', props: {} },
    { key: 'public', zone: 'contents', type: 'tavolo-content', props: {} },
    { key: 'coproduction', zone: 'contents', type: 'tavolo-content', props: {} },
    { key: 'publicValue', zone: 'contents', type: 'tavolo-content', props: {} },
  ],
}
