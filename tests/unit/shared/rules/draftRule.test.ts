import { describe, expect, it } from 'vitest'
import { newCardMeta } from '../../../../shared/src/cards/cardMeta'
import { IDEA_CARD_TYPE, defaultIdeaCardProps } from '../../../../shared/src/cards/idea/ideaCard'
import { ZONE_TYPE } from '../../../../shared/src/cards/zone/zone'
import { boardChange } from '../../../../shared/src/rules/boardChange'
import { checkDraftWrite } from '../../../../shared/src/rules/draftRule'
import type { Writer } from '../../../../shared/src/rules/writer'

// What a person may write in their own draft document: their own cards in `records`, nothing else.

const ann: Writer = { personId: 'ann', role: 'editor' }
const card = (id: string, createdBy: string, extra: Record<string, unknown> = {}) => ({
  id,
  typeName: 'shape',
  type: IDEA_CARD_TYPE,
  x: 24,
  y: 64,
  rotation: 0,
  index: 'a1',
  parentId: 'shape:zone',
  isLocked: false,
  opacity: 1,
  props: defaultIdeaCardProps(),
  meta: newCardMeta(createdBy, 1),
  ...extra,
})
const write = (records: Record<string, unknown>) => boardChange({ records })

describe('the draft rule', () => {
  it('lets the owner write and take back their own cards, in a zone of the board the draft does not hold', () => {
    expect(checkDraftWrite(ann, 'ann', write({ 'shape:a': card('shape:a', 'ann') }))).toBeNull()
    expect(checkDraftWrite(ann, 'ann', write({ 'shape:a': undefined }))).toBeNull()
  })

  it('refuses anyone but the owner, another creator, shapes that are not cards, invalid cards and other roots', () => {
    const refusal = (writer: Writer, change: ReturnType<typeof write>) => checkDraftWrite(writer, 'ann', change)?.message
    expect(refusal({ personId: 'bob', role: 'facilitator' }, write({ 'shape:a': undefined }))).toMatch(/only its owner/)
    expect(refusal(ann, write({ 'shape:a': card('shape:a', 'bob') }))).toMatch(/createdBy must be its owner/)
    expect(refusal(ann, write({ 'shape:a': card('shape:a', 'template') }))).toMatch(/createdBy must be its owner/)
    expect(refusal(ann, write({ 'shape:z': card('shape:z', 'ann', { type: ZONE_TYPE, props: { w: 100, h: 100, title: 'Z', accepts: [] } }) }))).toMatch(/cards only/)
    expect(refusal(ann, write({ 'shape:a': card('shape:a', 'ann', { props: { text: 7 } }) }))).toMatch(/invalid/)
    expect(refusal(ann, write({ 'shape:a': card('shape:b', 'ann') }))).toMatch(/own id/)
    expect(refusal(ann, boardChange({ people: { ann: { name: 'Ann' } } }))).toMatch(/records only/)
  })
})
