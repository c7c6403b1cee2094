import { describe, expect, it } from 'vitest'
import { isValidShape } from '../../../../tests/support/shapeRecords'
import { describeCard } from '../cardFields'
import { IDEA_CARD, IDEA_CARD_TYPE, defaultIdeaCardProps } from './ideaCard'

describe('idea card', () => {
  it('accepts its defaults and rejects an unknown prop or a zero size', () => {
    expect(isValidShape(IDEA_CARD_TYPE, { ...defaultIdeaCardProps() })).toBe(true)
    expect(isValidShape(IDEA_CARD_TYPE, { ...defaultIdeaCardProps(), colour: 'red' })).toBe(false)
    expect(isValidShape(IDEA_CARD_TYPE, { ...defaultIdeaCardProps(), w: 0 })).toBe(false)
  })

  it('is one free-text field, described as nothing while empty', () => {
    expect(IDEA_CARD.fields.map((f) => f.kind)).toEqual(['longText'])
    expect(describeCard(IDEA_CARD, { text: '' })).toBe('')
    expect(describeCard(IDEA_CARD, { text: 'Walks in the park' })).toBe('Idea: Walks in the park')
  })
})
