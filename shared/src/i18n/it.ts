import type { Catalogue } from './catalogue'

/** Tavolo's Italian catalogue: the same keys as en.ts. */
export const it: Catalogue = {
  language: {
    label: 'Lingua',
    en: 'English',
    it: 'Italiano',
  },
  app: {
    name: 'Tavolo',
    home: 'Pagina iniziale di Tavolo',
    backHome: 'Torna alla pagina iniziale di Tavolo',
    pageNotFound: 'Pagina non trovata',
    nothingAt: 'Non c’è niente all’indirizzo {{path}}.',
  },
  home: {
    tagline: 'Un tavolo condiviso per co-progettare i servizi pubblici.',
    newWorkshop: 'Nuovo workshop',
    title: 'Titolo',
    titlePlaceholder: 'es. Laurea magistrale in Management dei servizi pubblici',
    untitled: 'Workshop senza titolo',
    template: 'Modello',
    loadingTemplates: 'Caricamento dei modelli…',
    blank: 'Vuoto',
    templatesFailed: 'Non è stato possibile caricare i modelli ({{message}}); verrà creata una lavagna vuota.',
    creating: 'Creazione…',
    create: 'Crea il workshop',
    join: 'Partecipa a un workshop',
    joinLink: 'Il link che hai ricevuto',
    joinButton: 'Partecipa',
    yourWorkshops: 'I tuoi workshop',
    forget: 'Dimentica',
    forgetWorkshop: 'Dimentica {{title}}',
  },
  projector: {
    open: 'Vista proiettore',
    openFailed: 'Non è stato possibile aprire la vista proiettore: {{message}}',
  },
  people: {
    open: '{{count}} persone in questa lavagna: mostra l’elenco',
    listLabel: 'Persone in questa lavagna',
    you: '{{name}} (tu)',
    viewing: 'solo visione',
    table: 'Tavolo',
    noTable: 'Nessun tavolo per ora',
    editMe: 'Modifica i miei dati',
    editMeTitle: 'Cambia il tuo nome o il tuo ruolo',
    follow: 'Segui',
    followName: 'Segui {{name}}',
    stopFollowing: 'Smetti di seguire',
    stopFollowingTitle: 'Smetti di seguire (Esc)',
    close: 'Chiudi',
  },
  keyboard: {
    skipToPalette: 'Vai alla tavolozza delle schede',
  },
}
