import { readCardMeta, TEMPLATE_AUTHOR } from '../cards/cardMeta'
import { CONTENT_CARD_TYPE } from '../cards/content/contentCard'
import { IDEA_CARD_TYPE } from '../cards/idea/ideaCard'
import { computeSummary } from '../summary'
import { boardCards, type BoardCard } from './boardCards'
import { CSV_BOM, csvRow, type CsvValue } from './csv'
import type { BoardDocContent } from '../doc/readBoardDoc'
import { readAdoptedFrom } from '../levels/adoption'
import { levels } from '../levels/tableZones'
import { readSessionValue } from '../session/sessionState'

// One row per card, for spreadsheets and scripts. Values are as stored (type names, kinds, forms
// and roles are the document format's ids), so a script can rely on them. `description` holds a
// content's description, the notes of a format or exam card, or an idea's text. Times are ISO
// 8601 in UTC. `table` names the table a card is at (empty: the plenary); an adopted card names
// the table and card it came from. The file starts with a UTF-8 BOM (csv.ts) and ends every record with CRLF.

export const CARDS_CSV_COLUMNS = [
  'id',
  'type',
  'zone',
  'title',
  'description',
  'hours',
  'kind',
  'timing',
  'form',
  'weight',
  'votes',
  'creator_name',
  'creator_role',
  'created_at',
  'last_edited_at',
  'table',
  'adopted_from_table',
  'adopted_from_card',
] as const

export function cardsCsv(board: BoardDocContent, opts: { anonymous?: boolean } = {}): string {
  const cards = boardCards(board.records, computeSummary(board))
  const levelOf = levels(board.records)
  const tableNames = new Map(readSessionValue(board.session, 'tables').map((table) => [table.id, table.name]))
  const tableName = (id: string | null) => (id === null ? '' : (tableNames.get(id) ?? id))
  const row = (card: BoardCard) => {
    const adopted = readAdoptedFrom(card.shape.meta)
    return [...cardRow(card, board, opts.anonymous ?? false), tableName(levelOf(card.shape.id)), adopted ? tableName(adopted.tableId) : '', adopted?.cardId ?? '']
  }
  return CSV_BOM + csvRow(CARDS_CSV_COLUMNS) + cards.map((card) => csvRow(row(card))).join('')
}

function cardRow(card: BoardCard, board: BoardDocContent, anonymous: boolean): CsvValue[] {
  const { shape } = card
  const { props } = shape
  const meta = readCardMeta(shape.meta)
  const creator = creatorOf(meta.createdBy, board)
  return [
    shape.id,
    shape.type,
    card.zone?.title ?? '',
    shape.type === CONTENT_CARD_TYPE ? stored(props.title) : '',
    stored(shape.type === CONTENT_CARD_TYPE ? props.description : shape.type === IDEA_CARD_TYPE ? props.text : props.notes),
    stored(props.hours),
    stored(props.kind),
    stored(props.timing),
    stored(props.form),
    stored(props.weight),
    card.dots,
    anonymous ? '' : creator.name,
    creator.role,
    isoTime(meta.createdAt),
    isoTime(meta.lastEditedAt ?? meta.createdAt),
  ]
}

function creatorOf(personId: string | null, board: BoardDocContent): { name: string; role: string } {
  if (personId === TEMPLATE_AUTHOR) return { name: 'Template', role: 'template' }
  const person = personId !== null && Object.hasOwn(board.people, personId) ? board.people[personId] : undefined
  return person ? { name: person.name, role: person.role } : { name: '', role: '' }
}

/** A stored text or number as it is; anything else (missing, or a malformed value) as an empty cell. */
function stored(value: unknown): CsvValue {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) ? value : null
}

function isoTime(ms: number | null): string {
  if (ms === null) return ''
  const date = new Date(ms)
  return Number.isNaN(date.getTime()) ? '' : date.toISOString()
}
