import { describe, expect, it } from 'vitest'
import { readRecords } from '../../../../shared/src/doc/recordsRoot'
import { EXAM_CARD_TYPE } from '../../../../shared/src/cards/exam/examCard'
import { FORMAT_CARD_TYPE } from '../../../../shared/src/cards/format/formatCard'
import { ZONE_TYPE } from '../../../../shared/src/cards/zone/zone'
import { adoptCard, plenaryZoneFor, readAdoptedFrom } from '../../../../shared/src/levels/adoption'
import { summaryOfLevel } from '../../../../shared/src/levels/comparison'
import { boardChange } from '../../../../shared/src/rules/boardChange'
import { checkWrite } from '../../../../shared/src/rules/checkWrite'
import { docBoardView } from '../../../../shared/src/rules/docBoardView'
import { levelsBoard, newId } from './fixture'

describe('adopting a table’s card into the plenary', () => {
  it('copies it into a plenary zone, in a free place, with its provenance, and the plenary totals count it', () => {
    const { doc, kv, contentsOf, addContent } = levelsBoard()
    const original = addContent('table1', 'Co-production', 12, 'ann')
    const zone = contentsOf(null)
    const roles: Record<string, string> = { ann: 'citizen' }
    const before = summaryOfLevel({ records: readRecords(doc), people: {}, session: {} }, null).contentHours.total
    const { card, zoneHeight } = adoptCard({
      card: original,
      tableId: 'table1',
      zone,
      records: readRecords(doc),
      roleOf: (id) => roles[id] ?? 'unknown',
      hoursByRole: { citizen: 12 },
      personId: 'fran',
      at: 10,
      newId,
    })
    expect(readAdoptedFrom(card.meta)).toEqual({ tableId: 'table1', cardId: original.id, authors: ['ann'], roles: { ann: 'citizen' }, hoursByRole: { citizen: 12 } })
    expect(card.parentId).toBe(zone.id)
    expect(zoneHeight).toBeGreaterThanOrEqual((zone.props as { h: number }).h)
    const siblings = readRecords(doc).filter((r) => (r as { parentId?: string }).parentId === zone.id) as { x: number; y: number }[]
    expect(siblings.some((s) => s.x === card.x && s.y === card.y)).toBe(false)
    // The adopter may write it, and the plenary's hours add it up.
    expect(checkWrite({ personId: 'fran', role: 'facilitator' }, boardChange({ records: { [card.id]: card } }), docBoardView(doc))).toBeNull()
    kv.set(card.id, card)
    expect(summaryOfLevel({ records: readRecords(doc), people: {}, session: {} }, null).contentHours.total).toBe(before + 12)
  })

  it('adopts lecture formats and exams into the plenary zone for their type, and the plenary totals add them up', () => {
    const { doc, kv, zoneOf, addCard } = levelsBoard()
    const records = () => readRecords(doc)
    const plenary = () => summaryOfLevel({ records: records(), people: {}, session: {} }, null)
    const before = plenary()
    const format = addCard('table1', FORMAT_CARD_TYPE, { kind: 'workshop', hours: 6 }, 'ann')
    const exam = addCard('table2', EXAM_CARD_TYPE, { timing: 'final', form: 'oral', weight: 40 }, 'bob')
    for (const [original, tableId] of [[format, 'table1'], [exam, 'table2']] as const) {
      const zone = plenaryZoneFor(records(), original.type)!
      expect(zone.id).toBe(zoneOf(null, original.type as never).id)
      const { card } = adoptCard({ card: original, tableId, zone, records: records(), roleOf: () => 'citizen', personId: 'fran', at: 10, newId })
      expect(card.type).toBe(original.type)
      expect(card.parentId).toBe(zone.id)
      expect(readAdoptedFrom(card.meta)).toMatchObject({ tableId, cardId: original.id, authors: [original.meta.createdBy] })
      kv.set(card.id, card)
    }
    const after = plenary()
    expect(after.formatHours.total).toBe(before.formatHours.total + 6)
    expect(after.examWeights.total).toBe(before.examWeights.total + 40)
    // The tables keep their own cards and totals.
    expect(summaryOfLevel({ records: records(), people: {}, session: {} }, 'table1').formatHours.total).toBe(6)
  })

  it('finds no plenary zone for a type the plenary has no zone for', () => {
    const { doc, kv, shapes } = levelsBoard()
    for (const zone of shapes().filter((s) => s.type === ZONE_TYPE && !s.meta.tableId && (s.props.accepts as string[]).includes(EXAM_CARD_TYPE))) kv.delete(zone.id)
    expect(plenaryZoneFor(readRecords(doc), EXAM_CARD_TYPE)).toBeNull()
    expect(plenaryZoneFor(readRecords(doc), FORMAT_CARD_TYPE)).not.toBeNull()
  })

  it('reads no provenance from a card that has none or a damaged one', () => {
    expect(readAdoptedFrom({})).toBeNull()
    expect(readAdoptedFrom({ adoptedFrom: { tableId: 't', cardId: 7 } })).toBeNull()
  })
})
