import type { Template } from './template'

// The flagship exercise: the lecture Tavolo grew from ends by asking its audience to co-design
// "the programme of a University MSc course on Public Services Management, around 50 hours".
// Starter contents follow that lecture's own agenda.

export const mscPublicServicesTemplate: Template = {
  id: 'msc-public-services',
  title: 'MSc programme — Public Services Management (≈ 50 h)',
  description:
    'Design a university MSc course of about 50 hours together: its contents, its kinds of lectures, and its ongoing and final exams.',
  zones: [
    { key: 'contents', title: 'Contents', x: 0, y: 0, w: 920, h: 640, accepts: ['tavolo-content'] },
    { key: 'formats', title: 'Lecture formats', x: 960, y: 0, w: 800, h: 640, accepts: ['tavolo-format'] },
    { key: 'exams', title: 'Exams (ongoing and final)', x: 0, y: 680, w: 920, h: 440, accepts: ['tavolo-exam'] },
    { key: 'parking', title: 'Parking lot (ideas)', x: 960, y: 680, w: 800, h: 440, accepts: ['tavolo-idea'] },
  ],
  targets: { totalHours: 50 },
  rules: ['content-hours-match-target', 'format-hours-match-target', 'exam-weights-total-100'],
  starterCards: [
    {
      zone: 'contents',
      type: 'tavolo-content',
      props: {
        title: 'Public Administration, NPM and managerial reforms',
        description:
          'From traditional public administration (rule of law, bureaucracy, hierarchy) to the New Public Management: private-sector techniques, performance management, markets and contracts, and the reform paths countries took.',
      },
    },
    {
      zone: 'contents',
      type: 'tavolo-content',
      props: {
        title: 'Public Governance and network management',
        description:
          'Going beyond NPM: involving citizens, users and other actors in shaping and carrying out policies; networks of public and private organisations and how they are coordinated.',
      },
    },
    {
      zone: 'contents',
      type: 'tavolo-content',
      props: {
        title: 'New Public Governance',
        description:
          'A plural state where services come from many organisations together: the focus moves to service processes and outcomes, held together by trust and long-term relationships.',
      },
    },
    {
      zone: 'contents',
      type: 'tavolo-content',
      props: {
        title: 'The role of the public (customers, citizens, partners)',
        description:
          'People meet public services as customers, as citizens who take part, and as partners who produce them — often in more than one role at once.',
      },
    },
    {
      zone: 'contents',
      type: 'tavolo-content',
      props: {
        title: 'Co-production: actors, roles, levels and phases',
        description:
          'Professionals and citizens making better use of each other’s assets: who takes part, at individual, group or collective level, in co-commissioning, co-design, co-delivery and co-assessment.',
      },
    },
    {
      zone: 'contents',
      type: 'tavolo-content',
      props: {
        title: 'Public value',
        description:
          'The value a service or activity adds to the public sphere, created not only by commissioned services but also together with service users and communities.',
      },
    },
  ],
}
