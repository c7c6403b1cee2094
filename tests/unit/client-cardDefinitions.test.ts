import { describe, expect, it } from 'vitest'
import { CARD_TYPES, defaultExamCardProps, defaultFormatCardProps } from '../../shared/src/cards'
import { tavoloShapeSchemas } from '../../shared/src/schema'
import { CONTENT_CARD, EXAM_CARD, FORMAT_CARD, IDEA_CARD, describeCard, displayValue } from '../../client/src/shapes/cardDefinitions'

const DEFINITIONS = [CONTENT_CARD, FORMAT_CARD, EXAM_CARD, IDEA_CARD]

describe('card definitions', () => {
  it('cover every card type, and every prop but the size, exactly once', () => {
    expect(DEFINITIONS.map((d) => d.type)).toEqual([...CARD_TYPES])
    for (const definition of DEFINITIONS) {
      const props = Object.keys(tavoloShapeSchemas[definition.type].props).filter((k) => k !== 'w' && k !== 'h')
      expect(definition.fields.map((f) => f.key).sort()).toEqual(props.sort())
    }
  })

  it('offer as choices exactly the values the validators accept', () => {
    for (const definition of DEFINITIONS) {
      const validators = tavoloShapeSchemas[definition.type].props as unknown as Record<string, { isValid(v: unknown): boolean }>
      for (const field of definition.fields) {
        if (field.kind !== 'choice') continue
        for (const option of field.options) expect(validators[field.key].isValid(option.value)).toBe(true)
        expect(validators[field.key].isValid('not-an-option')).toBe(false)
      }
    }
  })

  it('show values in words: units for numbers, labels for choices, nothing for missing values', () => {
    const field = (key: string) => CONTENT_CARD.fields.find((f) => f.key === key)!
    const [hours, deliveredBy] = [field('hours'), field('deliveredBy')]
    expect(displayValue(hours, 2.5)).toBe('2.5 h')
    expect(displayValue(hours, 'x')).toBe('')
    expect(displayValue(deliveredBy, 'citizens')).toBe('Citizens')
    expect(displayValue(deliveredBy, 'nobody')).toBe('')
  })

  it('describe a card for screen readers by its filled fields', () => {
    expect(describeCard(EXAM_CARD, { ...defaultExamCardProps(), weight: 30, timing: 'ongoing' })).toBe(
      'Form: Written, When: Ongoing (during the course), Weight (%): 30 %',
    )
    expect(describeCard(FORMAT_CARD, { ...defaultFormatCardProps(), kind: 'seminar', hours: 4, notes: ' Fridays ' })).toBe(
      'Kind: Seminar, Hours: 4 h, Notes: Fridays',
    )
    expect(describeCard(IDEA_CARD, { text: '' })).toBe('')
  })
})
