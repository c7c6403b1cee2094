import type { TFunction } from 'i18next'
import { readShapes } from '../board/shapeLike'
import { CONTENT_CARD_TYPE } from '../cards/content/contentCard'
import type { BoardDocContent } from '../doc/readBoardDoc'
import { readAdoptedFrom } from '../levels/adoption'
import { summaryOfLevel } from '../levels/comparison'
import { seatOf } from '../levels/tables'
import { recordsOfLevel } from '../levels/tableZones'
import { formatNumber, translatorFor, type Language } from '../i18n'
import { isPersonRole } from '../roles'
import { readSessionValue, seatingStateOf } from '../session/sessionState'
import { budgetTable } from './budgetTable'
import { cardLabel } from './cardLabel'
import type { OutlineBlock } from './outline'
import { roleLabel } from './ratingsOutline'

// The levels in the programme document (Markdown and PDF): each table's own programme with its
// totals, where each card adopted into the plenary came from (table, authors' roles, the hours
// each role gave it), and the hour-budget results. A board without tables has none of it.

interface Context {
  board: BoardDocContent
  t: TFunction
  language: Language
  anonymous: boolean
  /** A stored role as the export names it. */
  role(role: string): string
}

export function levelsOutline(board: BoardDocContent, opts: { anonymous: boolean; language: Language }): OutlineBlock[] {
  const t = translatorFor(opts.language)
  const ctx: Context = { board, t, language: opts.language, anonymous: opts.anonymous, role: (role) => roleLabel(t, isPersonRole(role) ? role : 'unknown') }
  const tables = readSessionValue(board.session, 'tables')
  return [...(tables.length > 0 ? tablesBlocks(ctx) : []), ...adoptedBlocks(ctx), ...budgetBlocks(ctx)]
}

function tablesBlocks({ board, t, language, anonymous, role }: Context): OutlineBlock[] {
  const state = seatingStateOf(board.session)
  const blocks: OutlineBlock[] = [{ kind: 'heading', level: 2, text: t('levelsExport.tables') }]
  const n = (value: number) => formatNumber(language, value)
  for (const table of state.tables) {
    const summary = summaryOfLevel(board, table.id)
    const people = Object.entries(board.people).filter(([id]) => seatOf(state, board.seatPicks ?? {}, id) === table.id)
    const { contentHours, formatHours, examWeights } = summary
    const names = people.map(([, p]) => (anonymous ? role(p.role) : t('levelsExport.personWithRole', { name: p.name, role: role(p.role) })))
    const content = contentHours.target === null ? t('levelsExport.hours', { hours: contentHours.total }) : t('levelsExport.hoursOf', { hours: contentHours.total, target: contentHours.target })
    blocks.push(
      { kind: 'heading', level: 3, text: table.name },
      {
        kind: 'paragraph',
        text:
          t('levelsExport.people', { people: names.length === 0 ? t('levelsExport.nobody') : names.join(', ') }) +
          '\n' +
          t('levelsExport.totals', { content, format: formatHours.total, exams: examWeights.total }),
      },
    )
    const cards = readShapes(recordsOfLevel(board.records, table.id)).filter((s) => s.type === CONTENT_CARD_TYPE && summary.contentHours.cardIds.includes(s.id))
    if (cards.length > 0) {
      blocks.push({
        kind: 'table',
        columns: [
          { title: t('common.content'), align: 'left' },
          { title: t('levelsExport.hoursColumn'), align: 'right' },
        ],
        rows: cards.map((c) => [cardLabel(c, t), n(Number(c.props.hours))]),
      })
    }
  }
  return blocks
}

function adoptedBlocks({ board, t, role }: Context): OutlineBlock[] {
  const tables = readSessionValue(board.session, 'tables')
  const adopted = readShapes(board.records)
    .map((shape) => ({ shape, from: readAdoptedFrom(shape.meta) }))
    .filter((a): a is { shape: (typeof a)['shape']; from: NonNullable<(typeof a)['from']> } => a.from !== null)
  if (adopted.length === 0) return []
  return [
    { kind: 'heading', level: 2, text: t('levelsExport.adopted') },
    {
      kind: 'table',
      columns: [
        { title: t('common.content'), align: 'left' },
        { title: t('levelsExport.from'), align: 'left' },
        { title: t('levelsExport.authorsRoles'), align: 'left' },
        { title: t('levelsExport.hoursByRole'), align: 'left' },
      ],
      rows: adopted.map(({ shape, from }) => [
        cardLabel(shape, t),
        tables.find((table) => table.id === from.tableId)?.name ?? t('levelsExport.goneTable'),
        [...new Set(Object.values(from.roles).map(role))].join(', ') || '–',
        from.hoursByRole
          ? Object.entries(from.hoursByRole)
              .map(([r, hours]) => t('levelsExport.roleHours', { role: role(r), hours }))
              .join(', ')
          : '–',
      ]),
    },
  ]
}

function budgetBlocks({ board, t, language }: Context): OutlineBlock[] {
  const { columns, rows } = budgetTable({ budgets: board.budgets ?? {}, people: board.people, shapesById: new Map(readShapes(board.records).map((s) => [s.id, s])) }, t, language)
  if (rows.length === 0) return []
  return [
    { kind: 'heading', level: 2, text: t('levelsExport.budget') },
    { kind: 'paragraph', text: t('budget.intro') },
    { kind: 'table', columns, rows: rows.map((row) => row.cells) },
  ]
}
