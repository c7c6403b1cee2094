import { describe, expect, it } from 'vitest'
import { TAVOLO_SHAPE_TYPES, tavoloShapeSchemas } from '../schema'
import { displayValue } from './cardFields'
import { CARD_DEFINITIONS, CARD_TYPES } from './cardTypes'
import { CONTENT_CARD } from './content/contentCard'
import { ZONE_TYPE, zoneProps } from './zone/zone'

const DEFINITIONS = CARD_TYPES.map((type) => CARD_DEFINITIONS[type])

describe('card definitions', () => {
  it('are the objects the board schema validates and migrates with', () => {
    for (const definition of DEFINITIONS) {
      expect(tavoloShapeSchemas[definition.type].props).toBe(definition.props)
      expect(tavoloShapeSchemas[definition.type].migrations).toBe(definition.migrations)
    }
    expect(tavoloShapeSchemas[ZONE_TYPE].props).toBe(zoneProps)
    expect(Object.keys(tavoloShapeSchemas).sort()).toEqual([...TAVOLO_SHAPE_TYPES].sort())
  })

  it('have default props the schema accepts', () => {
    for (const definition of DEFINITIONS) {
      const validators = definition.props as unknown as Record<string, { validate(v: unknown): unknown }>
      for (const [key, value] of Object.entries(definition.defaultProps())) expect(() => validators[key].validate(value)).not.toThrow()
    }
  })

  it('cover every prop but the size exactly once', () => {
    for (const definition of DEFINITIONS) {
      const props = Object.keys(definition.props).filter((k) => k !== 'w' && k !== 'h')
      expect(definition.fields.map((f) => f.key).sort()).toEqual(props.sort())
    }
  })

  it('offer as choices exactly the values the validators accept', () => {
    for (const definition of DEFINITIONS) {
      const validators = definition.props as unknown as Record<string, { isValid(v: unknown): boolean }>
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
})
