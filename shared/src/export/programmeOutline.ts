import type { TFunction } from 'i18next'
import { CONTENT_CARD_TYPE } from '../cards/content/contentCard'
import { EXAM_CARD_TYPE } from '../cards/exam/examCard'
import { FORMAT_CARD_TYPE } from '../cards/format/formatCard'
import { IDEA_CARD_TYPE } from '../cards/idea/ideaCard'
import type { CardType } from '../cards/cardTypes'
import { META_KEYS } from '../doc/roots'
import { defaultLanguage, formatNumber, translatorFor, type Language } from '../i18n'
import { isPersonRole, PERSON_ROLES } from '../roles'
import { computeSummary, type ContributorRole, type DesignSummary } from '../summary'
import { ranking } from '../session/votes'
import { getTemplate, hasTemplate } from '../templates/catalog'
import { zoneTitle } from '../summary/zoneMembership'
import { boardCards, type BoardCard } from './boardCards'
import { cardLabel, nonEmpty, optionLabel } from './cardLabel'
import type { Outline, OutlineBlock, OutlineColumn } from './outline'
import type { BoardDocContent } from '../doc/readBoardDoc'
import { ratingsOutline, roleLabel } from './ratingsOutline'
import { levelsOutline } from './levelsOutline'
import { recordsOfLevel } from '../levels/tableZones'

// The programme document as an outline: what the Markdown and the PDF both show, in the language
// the export asks for (the catalogue's `programme`; numbers and dates per locale). Totals,
// warnings and contributions come from the shared summary (never recomputed here), so the
// document says what the summary panel said on the wall.

export interface ProgrammeOptions {
  /** The date printed on the document. */
  date: Date
  /** Leaves out people's names: participants and contributions by role only. */
  anonymous?: boolean
  /** The language of the headings, labels, numbers and date; English by default. */
  language?: Language
}

/** What every section needs: the board's cards and summary, and the export's words. */
interface Context {
  board: BoardDocContent
  summary: DesignSummary
  cards: readonly BoardCard[]
  language: Language
  t: TFunction
  anonymous: boolean
}

export function programmeOutline(board: BoardDocContent, opts: ProgrammeOptions): Outline {
  const language = opts.language ?? defaultLanguage
  const t = translatorFor(language)
  // With tables, the programme is the plenary's; each table's follows in the levels section.
  const plenary = { ...board, records: recordsOfLevel(board.records, null) }
  const summary = computeSummary(plenary, language)
  const ctx: Context = { board, summary, cards: boardCards(plenary.records, summary), language, t, anonymous: opts.anonymous ?? false }
  const title = nonEmpty(board.meta[META_KEYS.title]) ?? t('programme.untitledBoard')
  const blocks: OutlineBlock[] = [
    { kind: 'heading', level: 1, text: title },
    { kind: 'paragraph', text: introduction(ctx, opts.date) },
    ...participants(ctx),
    ...summaryBlocks(ctx),
    ...contents(ctx),
    ...formats(ctx),
    ...exams(ctx),
    ...voteResults(ctx),
    ...ratingsOutline(board, language),
    ...levelsOutline(board, { anonymous: opts.anonymous ?? false, language }),
    ...parkingLot(ctx),
    ...coProducers(ctx),
  ]
  return { title, language, blocks }
}

/** Dates as people write them: "28 November 2026", "28 novembre 2026". */
const DATE_LOCALES: Record<Language, string> = { en: 'en-GB', it: 'it-IT' }

function introduction({ board, language, t }: Context, date: Date): string {
  const templateId = board.meta[META_KEYS.template]
  const template = typeof templateId === 'string' && hasTemplate(templateId) ? getTemplate(templateId, language).title : null
  const when = new Intl.DateTimeFormat(DATE_LOCALES[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date)
  return t('programme.introduction', { date: when }) + (template ? ` ${t('programme.template', { template })}` : '')
}

function participants({ board, language, t, anonymous }: Context): OutlineBlock[] {
  const byRole = new Map<ContributorRole, string[]>()
  for (const person of Object.values(board.people)) {
    const role = isPersonRole(person.role) ? person.role : 'unknown'
    byRole.set(role, [...(byRole.get(role) ?? []), nonEmpty(person.name) ?? t('programme.unnamedPerson')])
  }
  const roles = [...PERSON_ROLES, 'unknown' as const].filter((role) => byRole.has(role))
  const items = roles.map((role) => {
    const names = (byRole.get(role) ?? []).sort((a, b) => a.localeCompare(b, language))
    return anonymous
      ? t('programme.roleCount', { role: roleLabel(t, role), people: t('programme.people', { count: names.length }) })
      : t('programme.roleNames', { role: roleLabel(t, role), number: names.length, names: names.join(', ') })
  })
  return [
    { kind: 'heading', level: 2, text: t('programme.participants') },
    items.length > 0 ? { kind: 'list', items } : { kind: 'paragraph', text: t('programme.nobodyJoined') },
  ]
}

function summaryBlocks({ summary, cards, t }: Context): OutlineBlock[] {
  const { contentHours, formatHours, examWeights } = summary
  const hours = (total: number, target: number | null) =>
    target === null ? t('programme.hours', { total }) : t('programme.hoursOfTarget', { total, target })
  const totals = [
    shows(summary, cards, CONTENT_CARD_TYPE) ? t('programme.contentsTotal', { hours: hours(contentHours.total, contentHours.target) }) : null,
    shows(summary, cards, FORMAT_CARD_TYPE) ? t('programme.formatsTotal', { hours: hours(formatHours.total, formatHours.target) }) : null,
    shows(summary, cards, EXAM_CARD_TYPE) ? t('programme.examsTotal', examWeights) : null,
    t('programme.cardCount', { number: summary.cardCount }),
  ].filter((line): line is string => line !== null)
  return [
    { kind: 'heading', level: 2, text: t('programme.summary') },
    { kind: 'list', items: totals },
    { kind: 'heading', level: 3, text: t('programme.warnings') },
    summary.warnings.length > 0
      ? { kind: 'list', items: summary.warnings.map((w) => w.message) }
      : { kind: 'paragraph', text: t('programme.noWarnings') },
  ]
}

function contents(ctx: Context): OutlineBlock[] {
  const { summary, cards, t } = ctx
  if (!shows(summary, cards, CONTENT_CARD_TYPE)) return []
  const { counted, other } = split(cards, CONTENT_CARD_TYPE)
  const blocks: OutlineBlock[] = [{ kind: 'heading', level: 2, text: t('programme.contents') }]
  if (counted.length === 0) blocks.push({ kind: 'paragraph', text: t('programme.noContents') })
  counted.forEach(({ shape }, i) => {
    const heading = { number: i + 1, title: cardLabel(shape, t), hours: shape.props.hours }
    blocks.push({ kind: 'heading', level: 3, text: typeof heading.hours === 'number' ? t('programme.contentHeadingHours', heading) : t('programme.contentHeading', heading) })
    const description = nonEmpty(shape.props.description)
    if (description) blocks.push({ kind: 'paragraph', text: description })
    const deliveredBy = shape.props.deliveredBy === 'unset' ? null : optionLabel(t, CONTENT_CARD_TYPE, 'deliveredBy', shape.props.deliveredBy)
    if (deliveredBy) blocks.push({ kind: 'paragraph', text: t('programme.deliveredBy', { who: deliveredBy }) })
  })
  return [...blocks, ...notCounted(ctx, other)]
}

function formats(ctx: Context): OutlineBlock[] {
  const { summary, cards, language, t } = ctx
  if (!shows(summary, cards, FORMAT_CARD_TYPE)) return []
  const { counted, other } = split(cards, FORMAT_CARD_TYPE)
  const rows = counted.map(({ shape }) => [
    optionLabel(t, FORMAT_CARD_TYPE, 'kind', shape.props.kind) ?? '',
    numberText(language, shape.props.hours),
    nonEmpty(shape.props.notes) ?? '',
  ])
  return [
    ...tableSection(t('programme.formats'), t('programme.noFormats'), [
      { title: t('programme.format'), align: 'left' },
      { title: t('programme.hoursColumn'), align: 'right' },
      { title: t('programme.notes'), align: 'left' },
    ], rows.length === 0 ? [] : [...rows, [t('programme.total'), numberText(language, summary.formatHours.total), '']]),
    ...notCounted(ctx, other),
  ]
}

function exams(ctx: Context): OutlineBlock[] {
  const { summary, cards, t } = ctx
  if (!shows(summary, cards, EXAM_CARD_TYPE)) return []
  const { counted, other } = split(cards, EXAM_CARD_TYPE)
  const rows = counted.map(({ shape }) => [
    optionLabel(t, EXAM_CARD_TYPE, 'timing', shape.props.timing) ?? '',
    optionLabel(t, EXAM_CARD_TYPE, 'form', shape.props.form) ?? '',
    typeof shape.props.weight === 'number' ? t('programme.percent', { value: shape.props.weight }) : '',
    nonEmpty(shape.props.notes) ?? '',
  ])
  return [
    ...tableSection(t('programme.exams'), t('programme.noExams'), [
      { title: t('programme.when'), align: 'left' },
      { title: t('programme.form'), align: 'left' },
      { title: t('programme.weight'), align: 'right' },
      { title: t('programme.notes'), align: 'left' },
    ], rows),
    { kind: 'paragraph', text: t('programme.weights', summary.examWeights) },
    ...notCounted(ctx, other),
  ]
}

/** A section's heading, then its table, or a sentence saying it has nothing yet. */
function tableSection(title: string, empty: string, columns: OutlineColumn[], rows: string[][]): OutlineBlock[] {
  return [
    { kind: 'heading', level: 2, text: title },
    rows.length === 0 ? { kind: 'paragraph', text: empty } : { kind: 'table', columns, rows },
  ]
}

function voteResults({ board, cards, language, t }: Context): OutlineBlock[] {
  const byId = new Map(cards.map((c) => [c.shape.id, c]))
  const ranked = ranking(board.votes, [...byId.keys()]).filter((r) => r.dots > 0)
  if (ranked.length === 0) return []
  return [
    { kind: 'heading', level: 2, text: t('programme.voteResults') },
    {
      kind: 'table',
      columns: [
        { title: t('programme.rank'), align: 'right' },
        { title: t('programme.card'), align: 'left' },
        { title: t('programme.zone'), align: 'left' },
        { title: t('programme.dots'), align: 'right' },
      ],
      rows: ranked.map(({ cardId, dots, rank }) => {
        const card = byId.get(cardId)
        return [numberText(language, rank), card ? cardLabel(card.shape, t) : cardId, card?.zone ? zoneTitle(card.zone.title, t) : t('programme.outsideZones'), numberText(language, dots)]
      }),
    },
  ]
}

function parkingLot({ cards, t }: Context): OutlineBlock[] {
  const ideas = cards.filter((c) => c.shape.type === IDEA_CARD_TYPE)
  if (ideas.length === 0) return []
  const item = (idea: string, dots: number) => (dots === 0 ? idea : t('programme.ideaDots', { idea, count: dots }))
  return [
    { kind: 'heading', level: 2, text: t('programme.parkingLot') },
    { kind: 'list', items: ideas.map((idea) => item(nonEmpty(idea.shape.props.text) ?? t('programme.emptyIdea'), idea.dots)) },
  ]
}

function coProducers({ summary, language, t, anonymous }: Context): OutlineBlock[] {
  const { byRole, byPerson, fromTemplate } = summary.contributions
  const n = (value: number) => numberText(language, value)
  const roles = [...PERSON_ROLES, 'unknown' as const].filter((role) => byRole[role].created + byRole[role].lastEdited > 0)
  const rows = roles.map((role) => [roleLabel(t, role), n(byRole[role].created), n(byRole[role].lastEdited)])
  if (fromTemplate.created + fromTemplate.lastEdited > 0) {
    rows.push([t('programme.fromTemplate'), n(fromTemplate.created), n(fromTemplate.lastEdited)])
  }
  const blocks: OutlineBlock[] = [
    { kind: 'heading', level: 2, text: t('programme.coProducers') },
    rows.length === 0
      ? { kind: 'paragraph', text: t('programme.noCards') }
      : {
          kind: 'table',
          columns: [
            { title: t('programme.role'), align: 'left' },
            { title: t('programme.created'), align: 'right' },
            { title: t('programme.lastEdited'), align: 'right' },
          ],
          rows,
        },
  ]
  if (!anonymous && byPerson.length > 0) {
    blocks.push({
      kind: 'list',
      items: byPerson.map((p) => t('programme.personContributions', { name: p.name, role: roleLabel(t, p.role), created: p.created, lastEdited: p.lastEdited })),
    })
  }
  return blocks
}

/** A section shows when the board has a zone expecting its card type or any card of that type. */
function shows(summary: DesignSummary, cards: readonly BoardCard[], type: CardType): boolean {
  return summary.zones.some((z) => z.accepts.includes(type)) || cards.some((c) => c.shape.type === type)
}

function split(cards: readonly BoardCard[], type: CardType): { counted: BoardCard[]; other: BoardCard[] } {
  const ofType = cards.filter((c) => c.shape.type === type)
  return { counted: ofType.filter((c) => c.counted), other: ofType.filter((c) => !c.counted) }
}

/** Cards of a section that the totals leave out (outside a zone, wrong zone, invalid value). */
function notCounted({ t }: Context, cards: readonly BoardCard[]): OutlineBlock[] {
  if (cards.length === 0) return []
  return [
    { kind: 'paragraph', text: t('programme.notCounted') },
    { kind: 'list', items: cards.map((c) => cardLabel(c.shape, t)) },
  ]
}

function numberText(language: Language, value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? formatNumber(language, value) : ''
}
