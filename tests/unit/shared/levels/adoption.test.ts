import { describe, expect, it } from 'vitest'
import { readRecords } from '../../../../shared/src/doc/recordsRoot'
import { adoptCard, readAdoptedFrom } from '../../../../shared/src/levels/adoption'
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

  it('reads no provenance from a card that has none or a damaged one', () => {
    expect(readAdoptedFrom({})).toBeNull()
    expect(readAdoptedFrom({ adoptedFrom: { tableId: 't', cardId: 7 } })).toBeNull()
  })
})
