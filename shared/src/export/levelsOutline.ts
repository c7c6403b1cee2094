import { readShapes } from '../board/shapeLike'
import { CONTENT_CARD_TYPE } from '../cards/content/contentCard'
import type { BoardDocContent } from '../doc/readBoardDoc'
import { readAdoptedFrom } from '../levels/adoption'
import { budgetResults, type Spread } from '../levels/budgets'
import { summaryOfLevel } from '../levels/comparison'
import { seatOf } from '../levels/tables'
import { recordsOfLevel } from '../levels/tableZones'
import { isPersonRole, PERSON_ROLES, PERSON_ROLE_LABELS } from '../roles'
import { readSessionValue } from '../session/sessionState'
import type { OutlineBlock } from './outline'

// The levels in the programme document (Markdown and PDF): each table's own programme with its
// totals, where each card adopted into the plenary came from (table, authors' roles, the hours
// each role gave it), and the hour-budget results. A board without tables has none of it.

const roleLabel = (role: string) => (isPersonRole(role) ? PERSON_ROLE_LABELS[role] : 'Role not given')
const ROLES = PERSON_ROLES.filter((role) => role !== 'facilitator')

export function levelsOutline(board: BoardDocContent, opts: { anonymous: boolean }): OutlineBlock[] {
  const tables = readSessionValue(board.session, 'tables')
  return [...(tables.length > 0 ? tablesBlocks(board, opts.anonymous) : []), ...adoptedBlocks(board), ...budgetBlocks(board)]
}

function tablesBlocks(board: BoardDocContent, anonymous: boolean): OutlineBlock[] {
  const tables = readSessionValue(board.session, 'tables')
  const state = { tables, seating: readSessionValue(board.session, 'seating'), tablePicking: readSessionValue(board.session, 'tablePicking') }
  const blocks: OutlineBlock[] = [{ kind: 'heading', level: 2, text: 'Tables' }]
  for (const table of tables) {
    const summary = summaryOfLevel(board, table.id)
    const people = Object.entries(board.people).filter(([id]) => seatOf(state, board.seatPicks ?? {}, id) === table.id)
    const { contentHours, formatHours, examWeights } = summary
    const target = contentHours.target === null ? '' : ` of ${contentHours.target} h`
    blocks.push(
      { kind: 'heading', level: 3, text: table.name },
      {
        kind: 'paragraph',
        text:
          `People: ${people.length === 0 ? 'nobody' : people.map(([, p]) => (anonymous ? roleLabel(p.role) : `${p.name} (${roleLabel(p.role)})`)).join(', ')}.\n` +
          `Totals: contents ${contentHours.total} h${target}, lectures ${formatHours.total} h, exams ${examWeights.total} %.`,
      },
    )
    const cards = readShapes(recordsOfLevel(board.records, table.id)).filter((s) => s.type === CONTENT_CARD_TYPE && summary.contentHours.cardIds.includes(s.id))
    if (cards.length > 0) {
      blocks.push({
        kind: 'table',
        columns: [
          { title: 'Content', align: 'left' },
          { title: 'Hours', align: 'right' },
        ],
        rows: cards.map((c) => [typeof c.props.title === 'string' && c.props.title.trim() !== '' ? c.props.title : 'Untitled content', String(c.props.hours)]),
      })
    }
  }
  return blocks
}

function adoptedBlocks(board: BoardDocContent): OutlineBlock[] {
  const tables = readSessionValue(board.session, 'tables')
  const adopted = readShapes(board.records)
    .map((shape) => ({ shape, from: readAdoptedFrom(shape.meta) }))
    .filter((a): a is { shape: (typeof a)['shape']; from: NonNullable<(typeof a)['from']> } => a.from !== null)
  if (adopted.length === 0) return []
  return [
    { kind: 'heading', level: 2, text: 'Adopted into the plenary' },
    {
      kind: 'table',
      columns: [
        { title: 'Card', align: 'left' },
        { title: 'From', align: 'left' },
        { title: 'Authors’ roles', align: 'left' },
        { title: 'Hours each role gave it', align: 'left' },
      ],
      rows: adopted.map(({ shape, from }) => [
        typeof shape.props.title === 'string' && shape.props.title.trim() !== '' ? shape.props.title : 'Untitled card',
        tables.find((t) => t.id === from.tableId)?.name ?? 'A table no longer on the board',
        [...new Set(Object.values(from.roles).map(roleLabel))].join(', ') || '–',
        from.hoursByRole ? Object.entries(from.hoursByRole).map(([role, hours]) => `${roleLabel(role)} ${hours} h`).join(', ') : '–',
      ]),
    },
  ]
}

function budgetBlocks(board: BoardDocContent): OutlineBlock[] {
  const results = budgetResults(board.budgets ?? {}, (id) => board.people[id]?.role ?? 'unknown')
  if (results.length === 0) return []
  const titles = new Map(readShapes(board.records).map((s) => [s.id, typeof s.props.title === 'string' ? s.props.title : '']))
  const spread = (s: Spread | undefined) => (s ? `${s.median} (${s.min}–${s.max})` : '–')
  return [
    { kind: 'heading', level: 2, text: 'Hour budget' },
    { kind: 'paragraph', text: 'Median hours each content was given, with the least and the most, over every ballot (a content left out of a ballot counts 0 h).' },
    {
      kind: 'table',
      columns: [{ title: 'Content', align: 'left' }, { title: 'Everyone', align: 'right' }, ...ROLES.map((role) => ({ title: roleLabel(role), align: 'right' as const }))],
      rows: results.map((r) => [titles.get(r.cardId) || 'A deleted card', spread(r.overall), ...ROLES.map((role) => spread(r.byRole[role]))]),
    },
  ]
}
