// How to add a string: add a key with its English text here and the same key with its Italian text in
// it.ts (TypeScript refuses either file without it); then call t('section.key') — see shared/src/i18n/index.ts.

/** Tavolo's English catalogue: the reference for the keys and the fallback language. */
export const en = {
  language: {
    label: 'Language',
    en: 'English',
    it: 'Italiano',
  },
  app: {
    name: 'Tavolo',
    home: 'Tavolo home',
    backHome: 'Back to Tavolo home',
    pageNotFound: 'Page not found',
    nothingAt: 'There is nothing at {{path}}.',
  },
  home: {
    tagline: 'A shared table for co-designing public services.',
    newWorkshop: 'New workshop',
    title: 'Title',
    titlePlaceholder: 'e.g. MSc Public Services Management',
    untitled: 'Untitled workshop',
    template: 'Template',
    loadingTemplates: 'Loading templates…',
    blank: 'Blank',
    templatesFailed: 'Templates could not be loaded ({{message}}); a blank board will be created.',
    creating: 'Creating…',
    create: 'Create workshop',
    join: 'Join a workshop',
    joinLink: 'Link you were given',
    joinButton: 'Join',
    yourWorkshops: 'Your workshops',
    forget: 'Forget',
    forgetWorkshop: 'Forget {{title}}',
  },
  projector: {
    open: 'Projector view',
    openFailed: 'The projector view could not be opened: {{message}}',
  },
  people: {
    open: '{{count}} people on this board: show the list',
    listLabel: 'People on this board',
    you: '{{name}} (you)',
    viewing: 'viewing',
    table: 'Table',
    noTable: 'No table yet',
    editMe: 'Edit me',
    editMeTitle: 'Change your name or role',
    follow: 'Follow',
    followName: 'Follow {{name}}',
    stopFollowing: 'Stop following',
    stopFollowingTitle: 'Stop following (Escape)',
    close: 'Close',
  },
  keyboard: {
    skipToPalette: 'Skip to the card palette',
  },
}
