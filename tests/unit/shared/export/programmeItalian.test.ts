import { describe, expect, it } from 'vitest'
import { en } from '../../../../shared/src/i18n/en'
import { programmeMarkdown } from '../../../../shared/src/export/programmeMarkdown'
import { boardWithCards, workshopBoard } from './fixture'

// The programme in the language the export asks for: headings, labels, warnings, the date and
// numbers ("4,5 h") in Italian, and no English heading of our own left.

const date = new Date(Date.UTC(2026, 10, 28, 15, 30))

describe('programmeMarkdown in Italian', () => {
  const markdown = programmeMarkdown(workshopBoard(), { date, language: 'it' })

  it('writes the date, template, headings and table columns in Italian', () => {
    expect(markdown).toContain('Progettato insieme su Tavolo. Esportato il 28 novembre 2026. Modello: Laurea magistrale — Management dei servizi pubblici (≈ 50 h).')
    for (const heading of ['## Partecipanti', '## Riepilogo', '### Avvisi', '## Contenuti', '## Formati didattici', '## Esami', '## Risultati della votazione', '## Valutazioni', '## Parcheggio: idee aperte', '## Chi ha co-prodotto questo progetto']) {
      expect(markdown).toContain(`\n${heading}\n`)
    }
    expect(markdown).toContain('| Formato | Ore | Note |')
    expect(markdown).toContain('| Quando | Forma | Peso | Note |')
    expect(markdown).toContain('- Contenuti: 50 h su 50 h')
    expect(markdown).toContain('- Pesi degli esami: 100 % (in itinere 40 %, finale 60 %)')
    expect(markdown).toContain('Tenuto da: Professionisti')
    expect(markdown).toContain('- Studente (1): Zoë 王')
  })

  it('writes numbers the Italian way, in the ratings and in hours', () => {
    expect(markdown).toContain('| Feasibility | 4,5 | 2 | Professionista 4,0, Cittadino / utente del servizio 5,0 |')
    const half = programmeMarkdown(
      boardWithCards([{ id: 'shape:a', type: 'tavolo-content', props: { title: 'Valore pubblico', description: '', hours: 4.5, deliveredBy: 'unset' } }], {
        zoneAccepts: ['tavolo-content'],
      }),
      { date, language: 'it' },
    )
    expect(half).toContain('### 1\\. Valore pubblico (4,5 h)')
    expect(half).toContain('- Contenuti: 4,5 h')
  })

  it('leaves no English heading or label of the programme in the Italian file', () => {
    const english = Object.values(en.programme).filter((text) => /^[A-Z][a-z]+( [a-z]+)+/.test(text) && !text.includes('{{'))
    expect(english.length).toBeGreaterThan(10)
    for (const text of english) expect(markdown, text).not.toContain(text)
  })

  it('names an untitled zone in Italian, in the warnings and in the vote results', () => {
    const board = boardWithCards(
      [
        { id: 'shape:a', type: 'tavolo-content', props: { title: 'Valore pubblico', description: '', hours: 4, deliveredBy: 'unset' } },
        { id: 'shape:f', type: 'tavolo-format', props: { kind: 'lecture', hours: 2, notes: '' } },
      ],
      { zoneAccepts: ['tavolo-content'] },
    )
    const untitled = board.records.map((r) => ((r as { type?: string }).type === 'tavolo-zone' ? { ...(r as object), props: { ...(r as { props: object }).props, title: '' } } : r))
    const italian = programmeMarkdown({ ...board, records: untitled, votes: { 'shape:a/anna': 2 } }, { date, language: 'it' })
    expect(italian).toContain('1 scheda in “Zona senza titolo” non è conteggiata')
    expect(italian).toContain('| 1 | Valore pubblico | Zona senza titolo | 2 |')
    expect(italian).not.toContain('Untitled')
  })
})
